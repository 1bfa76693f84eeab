import AlloclintAnalysis
import AlloclintSyntax
import Foundation

/// Runs a set of rules over files with one tree walk per file, dispatching each node by its
/// symbol id to the rules registered for that kind.
public final class RuleRunner {
    private let ruleIDs: [String]
    private let rules: [any Rule]
    /// The rules that want the nodes of symbol id `s`, as indices into `rules`:
    /// `dispatchRules[dispatchStart[s]..<dispatchStart[s + 1]]` (flat: no array to retain per node).
    private let dispatchStart: [Int]
    private let dispatchRules: [Int]
    /// Where the time of each rule goes (`--profile-rules`); nil: nothing is timed.
    private let profile: RuleProfile?

    /// `options` maps rule ids to their options; rules absent from it get the catalogue defaults.
    public init(ruleTypes: [any Rule.Type], options: [String: RuleOptions], profile: RuleProfile? = nil) {
        self.profile = profile
        ruleIDs = ruleTypes.map { $0.id }
        rules = ruleTypes.map { $0.init(options: options[$0.id] ?? RuleOptions()) }
        var table = [[Int]](repeating: [], count: GoGrammar.symbolCount)
        for (index, type) in ruleTypes.enumerated() {
            for kind in type.kinds where Int(kind.id) < table.count { table[Int(kind.id)].append(index) }
        }
        dispatchStart = table.reduce(into: [0]) { starts, indices in starts.append(starts.last! + indices.count) }
        dispatchRules = table.flatMap { $0 }
    }

    /// Checks one file (whose package, if any, is already attached) and returns its findings.
    public func run(_ file: GoFile) -> [RuleFinding] {
        let context = RuleContext(file: file)
        // Per rule: nanoseconds of thread CPU time, when profiling.
        var spent = [UInt64](repeating: 0, count: profile == nil ? 0 : rules.count)
        let walkStarted = profile == nil ? 0 : RuleProfile.now()
        for (index, rule) in rules.enumerated() {
            context.currentRuleID = ruleIDs[index]
            let started = profile == nil ? 0 : RuleProfile.now()
            rule.check(file: context)
            if profile != nil { spent[index] += RuleProfile.now() - started }
        }
        let (ruleIDs, rules, dispatchStart, dispatchRules) = (self.ruleIDs, self.rules, self.dispatchStart, self.dispatchRules)
        // The kind of the node last visited: `descend` always follows the visit of its node.
        var visitedKind = NodeKind.sourceFile
        file.tree.root.walk(visit: { node in
            let kind = node.kind
            let symbol = Int(kind.id)
            if symbol + 1 < dispatchStart.count {
                for position in dispatchStart[symbol]..<dispatchStart[symbol + 1] {
                    let index = dispatchRules[position]
                    context.currentRuleID = ruleIDs[index]
                    let started = profile == nil ? 0 : RuleProfile.now()
                    rules[index].visit(node, context)
                    if profile != nil { spent[index] += RuleProfile.now() - started }
                }
            }
            visitedKind = kind
            return .visitChildren
        }, descend: { node in
            context.enclosing.enter(node, kind: visitedKind)
        }, ascend: { _ in
            context.enclosing.leave()
        })
        if let profile {
            let total = RuleProfile.now() - walkStarted
            profile.add(ruleIDs, spent, walk: total - spent.reduce(0, +))
        }
        return context.findings
    }

    /// Only parses and walks: the floor the full run is measured against (`--parse-only`).
    public static func walkOnly(_ tree: SyntaxTree) -> Int {
        var count = 0
        tree.root.walk { _ in count += 1; return .visitChildren }
        return count
    }
}

/// The CPU time of each rule over a run, summed over the workers (`--profile-rules`, hidden: for
/// performance work). A rule is charged with the analyses it is the first to ask for (scopes,
/// types of a declaration), so the first rules in registry order look a little dearer.
public final class RuleProfile: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: [String: Double] = [:]
    /// The walk itself and the dispatch to rules, without the rules.
    public private(set) var walkSeconds = 0.0
    /// Parsing, counted by the engine.
    public private(set) var parseSeconds = 0.0

    public init() {}

    /// Time in each rule, dearest first.
    public var rules: [(id: String, seconds: Double)] {
        lock.lock(); defer { lock.unlock() }
        return seconds.map { ($0.key, $0.value) }.sorted { $0.seconds != $1.seconds ? $0.seconds > $1.seconds : $0.id < $1.id }
    }

    func add(_ ids: [String], _ nanoseconds: [UInt64], walk: UInt64) {
        lock.lock(); defer { lock.unlock() }
        for (id, spent) in zip(ids, nanoseconds) { seconds[id, default: 0] += Double(spent) / 1e9 }
        walkSeconds += Double(walk) / 1e9
    }

    public func addParse(_ nanoseconds: UInt64) {
        lock.lock(); defer { lock.unlock() }
        parseSeconds += Double(nanoseconds) / 1e9
    }

    /// The calling thread's CPU time in nanoseconds (workers share cores with other processes).
    public static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
