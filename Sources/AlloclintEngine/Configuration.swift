import AlloclintAnalysis
import AlloclintRules
import Foundation
import Yams

/// The settings of one rule in `.linter.yaml`.
public struct RuleSettings: Sendable {
    public var enabled = true
    public var severity: Severity?
    public var options: [String: OptionValue] = [:]
    public var exclude: [Glob] = []
}

/// A parsed and validated `.linter.yaml`.
public struct Configuration: Sendable {
    public static let fileName = ".linter.yaml"

    /// The file it was read from (nil: built-in defaults).
    public var path: String?
    /// Globs are relative to this directory (absolute).
    public var baseDirectory: String
    public var goVersion: GoVersion?
    public var exclude: [Glob] = []
    public var rules: [String: RuleSettings] = [:]

    public init(baseDirectory: String) { self.baseDirectory = baseDirectory }

    /// The nearest `.linter.yaml` in `directory` or one of its parents.
    public static func find(from directory: String) -> String? {
        var current = FileSystem.absolute(directory)
        while true {
            let candidate = (current == "/" ? "" : current) + "/" + fileName
            if FileSystem.entryType(candidate) == .file || FileSystem.entryType(candidate) == .symlinkToFile { return candidate }
            if current == "/" { return nil }
            current = (current as NSString).deletingLastPathComponent
        }
    }

    /// Reads and validates a configuration file; every problem is a `path:line:col: message` error.
    public static func load(path: String, catalogue: [RuleDescription]) throws(LintError) -> Configuration {
        let bytes = try FileSystem.read(path)
        let text = String(decoding: bytes, as: UTF8.self)
        let absolute = FileSystem.absolute(path)
        return try ConfigurationParser(path: displayPath(absolute), catalogue: catalogue)
            .parse(text, baseDirectory: (absolute as NSString).deletingLastPathComponent)
    }

    /// Whether `absolutePath` is excluded by the top-level `exclude` globs.
    public func excludes(_ absolutePath: String) -> Bool {
        guard !exclude.isEmpty else { return false }
        let relative = FileSystem.relative(absolutePath, to: baseDirectory)
        return exclude.contains { $0.matches(relative) }
    }

    /// Whether the rule's own `exclude` globs cover `absolutePath`.
    public func ruleExcludes(_ ruleID: String, _ absolutePath: String) -> Bool {
        guard let globs = rules[ruleID]?.exclude, !globs.isEmpty else { return false }
        let relative = FileSystem.relative(absolutePath, to: baseDirectory)
        return globs.contains { $0.matches(relative) }
    }
}

/// Turns YAML into a `Configuration`, reporting positions of every mistake.
struct ConfigurationParser {
    let path: String
    let catalogue: [RuleDescription]

    private static let topLevelKeys = ["go-version", "exclude", "rules"]
    private static let ruleKeys = ["severity", "options", "exclude"]
    private static let severities = ["error", "warning", "note", "off"]

    func parse(_ text: String, baseDirectory: String) throws(LintError) -> Configuration {
        var configuration = Configuration(baseDirectory: baseDirectory)
        configuration.path = path
        if let (line, column) = ConfigurationParser.excessiveNesting(in: text) {
            throw LintError(path: path, line: line, column: column,
                            message: "nested more than \(ConfigurationParser.nestingLimit) levels deep")
        }
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw yamlError(error)
        } catch {
            throw LintError(path: path, message: "malformed YAML: \(error)")
        }
        guard let root else { return configuration }  // an empty file is a valid, empty configuration
        guard let mapping = root.mapping else { throw problem(root, "the configuration must be a mapping of keys") }
        for (key, keyNode, value) in try entries(mapping, "a key") {
            switch key {
            case "go-version":
                let text = try scalar(value, "go-version")
                guard let version = GoVersion(parsing: text) else {
                    throw problem(value, "go-version must look like \"1.22\", got \"\(text)\"")
                }
                configuration.goVersion = version
            case "exclude":
                configuration.exclude = try globs(value, "exclude")
            case "rules":
                configuration.rules = try rules(value)
            default:
                throw problem(keyNode, "unknown key \"\(key)\"" + didYouMean(key, Self.topLevelKeys))
            }
        }
        return configuration
    }

    private func rules(_ node: Yams.Node) throws(LintError) -> [String: RuleSettings] {
        guard let mapping = node.mapping else { throw problem(node, "rules must be a mapping of rule ids") }
        var result: [String: RuleSettings] = [:]
        for (id, keyNode, value) in try entries(mapping, "a rule id") {
            guard let entry = catalogue.first(where: { $0.id == id }) else {
                throw problem(keyNode, "unknown rule \"\(id)\"" + didYouMean(id, catalogue.map(\.id)))
            }
            result[id] = try ruleSettings(value, entry)
        }
        return result
    }

    private func ruleSettings(_ node: Yams.Node, _ entry: RuleDescription) throws(LintError) -> RuleSettings {
        var settings = RuleSettings()
        if node.scalar != nil {
            try applySeverity(node, to: &settings)
            return settings
        }
        guard let mapping = node.mapping else {
            throw problem(node, "rule \(entry.id): expected a severity or a mapping with severity, options, exclude")
        }
        for (key, keyNode, value) in try entries(mapping, "a key") {
            switch key {
            case "severity": try applySeverity(value, to: &settings)
            case "exclude": settings.exclude = try globs(value, "exclude")
            case "options": settings.options = try options(value, entry)
            default:
                throw problem(keyNode, "unknown key \"\(key)\" for rule \(entry.id)" + didYouMean(key, Self.ruleKeys))
            }
        }
        return settings
    }

    private func applySeverity(_ node: Yams.Node, to settings: inout RuleSettings) throws(LintError) {
        let text = try scalar(node, "severity")
        switch text {
        case "off", "false": settings.enabled = false
        case "on", "true": settings.enabled = true
        default:
            guard let severity = Severity(rawValue: text) else {
                throw problem(node, "bad severity \"\(text)\": use error, warning, note or off" + didYouMean(text, Self.severities))
            }
            settings.severity = severity
        }
    }

    private func options(_ node: Yams.Node, _ entry: RuleDescription) throws(LintError) -> [String: OptionValue] {
        guard let mapping = node.mapping else { throw problem(node, "options of \(entry.id) must be a mapping") }
        var result: [String: OptionValue] = [:]
        for (name, keyNode, value) in try entries(mapping, "an option name") {
            guard let option = entry.options.first(where: { $0.name == name }) else {
                let known = entry.options.map(\.name)
                let hint = known.isEmpty ? " (it has no options)" : didYouMean(name, known)
                throw problem(keyNode, "unknown option \"\(name)\" for rule \(entry.id)" + hint)
            }
            result[name] = try optionValue(value, option, entry.id)
        }
        return result
    }

    private func optionValue(_ node: Yams.Node, _ option: RuleDescription.Option, _ ruleID: String) throws(LintError) -> OptionValue {
        let expectation = "option \(option.name) of \(ruleID) must be"
        switch option.type {
        case "bool":
            guard let text = node.scalar?.string, let value = Bool.construct(from: Yams.Node.Scalar(text)) else {
                throw problem(node, "\(expectation) true or false")
            }
            return .bool(value)
        case "int":
            guard let text = node.scalar?.string, let value = Int(text) else { throw problem(node, "\(expectation) an integer") }
            return .int(value)
        case "strings":
            guard let sequence = node.sequence else { throw problem(node, "\(expectation) a list of strings") }
            var values: [String] = []
            for item in sequence { values.append(try scalar(item, "a string")) }
            return .strings(values)
        default:
            return .string(try scalar(node, "a string"))
        }
    }

    private func globs(_ node: Yams.Node, _ key: String) throws(LintError) -> [Glob] {
        guard let sequence = node.sequence else { throw problem(node, "\(key) must be a list of glob patterns") }
        var result: [Glob] = []
        for item in sequence {
            let pattern = try scalar(item, "a glob pattern")
            do {
                result.append(try Glob(pattern))
            } catch {
                throw problem(item, error.message)
            }
        }
        return result
    }

    /// The entries of a mapping with their keys as text. A key given twice is an error: YAML
    /// forbids it, and the second value would silently win.
    private func entries(_ mapping: Yams.Node.Mapping, _ what: String) throws(LintError) -> [(key: String, keyNode: Yams.Node, value: Yams.Node)] {
        var result: [(key: String, keyNode: Yams.Node, value: Yams.Node)] = []
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            let key = try scalar(keyNode, what)
            guard seen.insert(key).inserted else { throw problem(keyNode, "duplicate key \"\(key)\"") }
            result.append((key, keyNode, value))
        }
        return result
    }

    private func scalar(_ node: Yams.Node, _ what: String) throws(LintError) -> String {
        guard let value = node.scalar?.string else { throw problem(node, "expected \(what), found a \(kindName(node))") }
        return value
    }

    private func kindName(_ node: Yams.Node) -> String {
        switch node {
        case .mapping: return "mapping"
        case .sequence: return "list"
        default: return "value"
        }
    }

    private func problem(_ node: Yams.Node, _ message: String) -> LintError {
        LintError(path: path, line: node.mark.map { $0.line }, column: node.mark.map { $0.column }, message: message)
    }

    /// One line, `path:line:col: malformed YAML: problem` (Yams' own descriptions span lines).
    private func yamlError(_ error: YamlError) -> LintError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return LintError(path: path, line: mark.line, column: mark.column, message: "malformed YAML: \(text)")
        case .reader(let problem, let offset, _, let yaml):
            let before = Array(yaml.utf8.prefix(offset ?? 0))
            let line = before.count { $0 == UInt8(ascii: "\n") } + 1
            let column = before.count - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
            return LintError(path: path, line: line, column: column, message: "malformed YAML: \(problem)")
        default:
            let firstLine = "\(error)".split(separator: "\n").first.map(String.init) ?? ""
            return LintError(path: path, line: 1, column: 1, message: "malformed YAML: \(firstLine)")
        }
    }

    /// Yams builds its tree by recursion, so a hostile file nested deeply enough (`[[[[…`,
    /// `- - - - …`) would overflow the stack before any error could be reported. Real
    /// configurations nest a few levels; deeper ones are refused before parsing.
    static let nestingLimit = 256

    /// Where `text` first nests deeper than `nestingLimit`, by a count that can only overestimate
    /// YAML's nesting: indentation + dashes + open flow brackets. Quotes and comments are not
    /// told apart on purpose: a bracket inside them only makes the count larger.
    static func excessiveNesting(in text: String) -> (line: Int, column: Int)? {
        var line = 1, column = 0, indentation = 0, dashes = 0, flowDepth = 0
        var atLineStart = true
        for byte in text.utf8 {
            column += 1
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                column = 0
                indentation = 0
                dashes = 0
                atLineStart = true
                continue
            case UInt8(ascii: " "): if atLineStart { indentation += 1 }
            case UInt8(ascii: "-"): dashes += 1
            case UInt8(ascii: "["), UInt8(ascii: "{"): flowDepth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"): flowDepth = max(0, flowDepth - 1)
            default: atLineStart = false
            }
            if indentation + dashes + flowDepth > nestingLimit { return (line, column) }
        }
        return nil
    }
}

/// ` (did you mean "x"?)` when a known word is within a small edit distance of `word`.
public func didYouMean(_ word: String, _ candidates: [String]) -> String {
    let scored = candidates.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
    guard let (best, distance) = scored, distance <= max(2, best.count / 3) else { return "" }
    return " (did you mean \"\(best)\"?)"
}

/// Levenshtein distance over Unicode scalars.
func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs.unicodeScalars), b = Array(rhs.unicodeScalars)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where !b.isEmpty {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
