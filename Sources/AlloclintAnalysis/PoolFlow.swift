import AlloclintSyntax

/// The flow analysis behind the pool rules: an abstract interpretation of one function's
/// statements in order, forking at branches and joining after them (if/else, switch, select),
/// iterating loops to a fixed point, ending paths at return/break/continue/goto/panic.
///
/// State per path: which variables share memory (alias groups: a Get result, `x.Bytes()`,
/// `x[i:j]`, `*x`, `x.(T)`), which groups came from `Get` and were modified or reset since, which
/// variables and field paths (`w.fw` after `p.Put(w.fw)`) were put back (tainted, with the Put),
/// and the deferred Puts registered. Nested func literals are analysed on their own; their
/// identifiers still count as uses of captured values.
struct PoolFlow {
    let file: GoFile
    let function: Node
    let engine: TypeEngine
    let facts = PoolFacts()

    init(file: GoFile, function: Node) {
        self.file = file
        self.function = function
        self.engine = TypeEngine(file: file)
    }

    /// A field path rooted at a variable: `w.fw` is (w, ["fw"]).
    struct FieldPath: Hashable {
        var root: Int32
        var fields: [String]

        func isPrefix(of other: FieldPath) -> Bool {
            root == other.root && fields.count <= other.fields.count && Array(other.fields.prefix(fields.count)) == fields
        }
    }

    struct Deferred: Hashable {
        var put: Int
        var groups: Set<Int>
        /// Whether the value may go back unreset: not when the deferred closure resets it first
        /// (`defer func() { b.Reset(); p.Put(b) }()`), nor for `Put(&x)` (as when not deferred).
        var checksReset = true
    }

    struct State: Equatable {
        var reachable = true
        var groups: [Int32: Set<Int>] = [:]
        var got: Set<Int> = []
        var modified: Set<Int> = []
        var reset: Set<Int> = []
        var taint: [Int32: Set<Int>] = [:]
        var fieldTaint: [FieldPath: Set<Int>] = [:]
        var deferred: Set<Deferred> = []

        var hasTaint: Bool { taint.values.contains { !$0.isEmpty } || !fieldTaint.isEmpty }

        /// Forgets the put-back field paths of `root`: reassigned, or handed to code that may reassign them.
        mutating func untaintFields(of root: Int32) {
            fieldTaint = fieldTaint.filter { $0.key.root != root }
        }

        mutating func join(_ other: State) {
            guard other.reachable else { return }
            guard reachable else { self = other; return }
            groups.merge(other.groups) { $0.union($1) }
            got.formUnion(other.got)
            modified.formUnion(other.modified)
            reset.formUnion(other.reset)
            taint.merge(other.taint) { $0.union($1) }
            fieldTaint.merge(other.fieldTaint) { $0.union($1) }
            deferred.formUnion(other.deferred)
        }

        static var unreachable: State { var state = State(); state.reachable = false; return state }
    }

    /// Nodes of the Put calls, by start byte.
    final class Puts { var nodes: [Int: Node] = [:] }
    let puts = Puts()

    /// The bodies of the local closures whose call is being followed (see `callEffect`).
    final class Closures { var running: Set<Int> = [] }
    let closures = Closures()

    final class Targets {
        var breaks: [[State]] = []
        var continues: [[State]] = []
        /// Whether each break target is a loop (continue targets are loops only).
        var isLoop: [Bool] = []
    }
    let targets = Targets()

    static let maxDepth = 120

    func run() -> PoolFacts {
        guard let body = function.child(.body) else { return facts }
        var state = State()
        if !exec(body, &state, depth: 0) { facts.incomplete = true; facts.unresetPuts = []; facts.usesAfterPut = [:]; return facts }
        if state.reachable { checkDeferredUnreset(state) }
        // One finding per use: when several Puts (e.g. one per branch) reach the same use, keep the first Put.
        var byUse: [Int: Int] = [:]
        for (put, use) in facts.usesAfterPut {
            if let kept = byUse[use.use.startByte], kept < put { continue }
            byUse[use.use.startByte] = put
        }
        let kept = Set(byUse.values)
        facts.usesAfterPut = facts.usesAfterPut.filter { kept.contains($0.key) }
        return facts
    }

    // MARK: Statements

    /// Returns false when nesting is too deep to analyse.
    func exec(_ statement: Node, _ state: inout State, depth: Int) -> Bool {
        guard depth < PoolFlow.maxDepth else { return false }
        guard state.reachable else { return true }
        let kind = statement.kind
        switch kind {
        case .block:
            var ok = true
            statement.forEachChild { child in
                if ok && child.isNamed && child.kind != .comment { ok = exec(child, &state, depth: depth + 1) }
            }
            return ok
        case .ifStatement:
            if let initializer = statement.child(.initializer) { simple(initializer, &state) }
            if let condition = statement.child(.condition) { uses(in: condition, state) }
            var then = state
            var otherwise = state
            if let consequence = statement.child(.consequence), !exec(consequence, &then, depth: depth + 1) { return false }
            if let alternative = statement.child(.alternative), !exec(alternative, &otherwise, depth: depth + 1) { return false }
            then.join(otherwise)
            state = then
            return true
        case .forStatement:
            return execFor(statement, &state, depth: depth)
        case .expressionSwitchStatement, .typeSwitchStatement, .selectStatement:
            return execSwitch(statement, &state, depth: depth)
        case .labeledStatement:
            var ok = true
            statement.forEachChild { child in
                if ok && child.isNamed && child.kind != .labelName && child.kind != .comment { ok = exec(child, &state, depth: depth + 1) }
            }
            return ok
        case .returnStatement:
            simple(statement, &state)
            checkReturn(statement, state)
            checkDeferredUnreset(state)
            state.reachable = false
            return true
        case .breakStatement:
            if statement.child(.label) == nil, !targets.breaks.isEmpty {
                targets.breaks[targets.breaks.count - 1].append(state)
            }
            state.reachable = false
            return true
        case .continueStatement:
            if statement.child(.label) == nil, !targets.continues.isEmpty {
                targets.continues[targets.continues.count - 1].append(state)
            }
            state.reachable = false
            return true
        case .gotoStatement:
            state.reachable = false
            return true
        case .fallthroughStatement, .emptyStatement, .comment, .constDeclaration, .typeDeclaration:
            return true
        default:
            simple(statement, &state)
            if kind == .expressionStatement, isTerminatingCall(statement) { state.reachable = false }
            return true
        }
    }

    func execFor(_ statement: Node, _ state: inout State, depth: Int) -> Bool {
        var header: Node?
        var condition: Node?
        statement.forEachChild { child in
            if child.kind == .forClause || child.kind == .rangeClause { header = child }
        }
        if header == nil { condition = statement.child(.condition) }
        var update: Node?
        var rangeLeft: Node?
        var infinite = false
        if let header, header.kind == .forClause {
            if let initializer = header.child(.initializer) { simple(initializer, &state) }
            condition = header.child(.condition)
            update = header.child(.update)
            infinite = condition == nil
        } else if let header {
            if let right = header.child(.right) { uses(in: right, state) }
            rangeLeft = header.child(.left)
        } else {
            infinite = condition == nil
        }
        guard let body = statement.child(.body) else { return true }
        var entry = state
        var breaks: [State] = []
        for _ in 0..<4 {
            var iteration = entry
            if let condition { uses(in: condition, iteration) }
            if let rangeLeft { assignFresh(rangeLeft, &iteration) }
            targets.breaks.append([])
            targets.continues.append([])
            let ok = exec(body, &iteration, depth: depth + 1)
            let loopBreaks = targets.breaks.removeLast()
            let loopContinues = targets.continues.removeLast()
            guard ok else { return false }
            for continued in loopContinues { iteration.join(continued) }
            if let update, iteration.reachable { simple(update, &iteration) }
            breaks = loopBreaks
            var next = entry
            next.join(iteration)
            if next == entry { break }
            entry = next
        }
        var exit = infinite ? State.unreachable : entry
        for broken in breaks { exit.join(broken) }
        state = exit
        return true
    }

    func execSwitch(_ statement: Node, _ state: inout State, depth: Int) -> Bool {
        if let initializer = statement.child(.initializer) { simple(initializer, &state) }
        if let value = statement.child(.value) { uses(in: value, state) }
        let entry = state
        var exit = State.unreachable
        var hasDefault = false
        targets.breaks.append([])
        var ok = true
        statement.forEachChild { clause in
            guard ok else { return }
            let kind = clause.kind
            guard kind == .expressionCase || kind == .typeCase || kind == .defaultCase || kind == .communicationCase else { return }
            if kind == .defaultCase { hasDefault = true }
            var branch = entry
            let skipped: Set<Int> = Set((clause.children(.value) + clause.children(.type)).map(\.startByte))
            let communication = clause.child(.communication)
            if let communication { simple(communication, &branch) }
            clause.forEachChild { child in
                guard ok, child.isNamed, child.kind != .comment, !skipped.contains(child.startByte),
                      child.startByte != communication?.startByte else { return }
                ok = exec(child, &branch, depth: depth + 1)
            }
            exit.join(branch)
        }
        for broken in targets.breaks.removeLast() { exit.join(broken) }
        guard ok else { return false }
        if !hasDefault && statement.kind != .selectStatement { exit.join(entry) }
        state = exit
        return true
    }

    func isTerminatingCall(_ statement: Node) -> Bool {
        guard let call = statement.namedChild(at: 0), call.kind == .callExpression, let function = call.child(.function) else { return false }
        if function.kind == .identifier { return file.tree.textEquals(function, "panic") && file.resolve(function)?.kind == .builtinFunc }
        guard function.kind == .selectorExpression, let operand = function.child(.operand), let field = function.child(.field),
              operand.kind == .identifier, let path = file.importPath(ofQualifier: operand) else { return false }
        let name = file.tree.text(field)
        return (path == "os" && name == "Exit") || (path == "log" && (name.hasPrefix("Fatal") || name.hasPrefix("Panic")))
    }

    // MARK: Simple statements

    func simple(_ statement: Node, _ state: inout State) {
        guard state.reachable else { return }
        uses(in: statement, state)
        let kind = statement.kind
        if kind == .deferStatement {
            deferStatement(statement, &state)
            return
        }
        if kind == .goStatement {
            goStatement(statement, state)
        }
        effects(in: statement, &state)
        if kind == .shortVarDeclaration || kind == .assignmentStatement {
            assignment(left: statement.child(.left), right: statement.child(.right), operatorIsPlain: isPlainAssignment(statement), &state)
        } else if kind == .varDeclaration {
            PackageScope.forEachSpec(statement) { spec in
                let names = spec.children(.name)
                let values = spec.child(.value)?.namedChildren.filter { $0.kind != .comment } ?? []
                assign(names: names, values: values, &state)
            }
        } else if kind == .incStatement || kind == .decStatement {
            if let operand = statement.namedChild(at: 0) { mutate(target: operand, &state) }
        } else if kind == .receiveStatement, let left = statement.child(.left) {
            assignFresh(left, &state)
        }
    }

    func isPlainAssignment(_ statement: Node) -> Bool {
        guard statement.kind == .assignmentStatement, let op = statement.child(.operator) else { return true }
        return file.tree.textEquals(op, "=")
    }

    func list(_ node: Node?) -> [Node] {
        guard let node else { return [] }
        if node.kind == .expressionList { return node.namedChildren.filter { $0.kind != .comment } }
        return [node]
    }

    func assignment(left: Node?, right: Node?, operatorIsPlain: Bool, _ state: inout State) {
        let names = list(left)
        let values = list(right)
        if !operatorIsPlain {
            for name in names { mutate(target: name, &state) }
            return
        }
        assign(names: names, values: values, &state)
    }

    func assign(names: [Node], values: [Node], _ state: inout State) {
        for (position, target) in names.enumerated() {
            let value: Node? = values.count == names.count ? values[position] : (position == 0 && values.count == 1 ? values[0] : nil)
            if target.kind == .identifier, let variable = variable(target) {
                bind(variable, to: value, &state)
            } else {
                store(into: target, value: value, &state)
            }
        }
    }

    /// Assigns unrelated values (range variables, receives, multi-value calls).
    func assignFresh(_ left: Node, _ state: inout State) {
        for name in list(left) where name.kind == .identifier {
            if let variable = variable(name) { bind(variable, to: nil, &state) }
        }
    }

    /// `variable = value`: the variable now holds a fresh Get result, an alias of another
    /// variable's memory, or something unrelated.
    func bind(_ variable: Int32, to value: Node?, _ state: inout State) {
        state.taint[variable] = nil
        state.untaintFields(of: variable)
        guard let value else { state.groups[variable] = nil; return }
        if let get = getCall(value) {
            let group = get.startByte
            state.groups[variable] = [group]
            state.got.insert(group)
            state.modified.remove(group)
            state.reset.remove(group)
            return
        }
        if let alias = aliasSource(value) {
            let groups = ensureGroups(alias.variable, &state)
            if alias.isReset { state.reset.formUnion(groups) }
            if alias.isAppend { state.modified.formUnion(groups) }
            state.groups[variable] = groups
            return
        }
        state.groups[variable] = nil
    }

    /// An assignment to something other than a plain variable: a field, an element, `*p`.
    func store(into target: Node, value: Node?, _ state: inout State) {
        if let path = fieldPath(target) {
            state.fieldTaint = state.fieldTaint.filter { !path.isPrefix(of: $0.key) }  // w.fw = nil
        }
        guard let root = rootVariable(target) else { return }
        let groups = state.groups[root] ?? []
        guard !groups.isEmpty else { return }
        var node = target
        while node.kind == .parenthesizedExpression, let inner = node.namedChild(at: 0) { node = inner }
        if node.kind == .unaryExpression {
            // *p = …
            guard let value else { return }
            if value.kind == .compositeLiteral { state.reset.formUnion(groups); return }
            if let alias = aliasSource(value), alias.isReset { state.reset.formUnion(groups); return }
            if let alias = aliasSource(value), alias.isAppend, let sourceGroups = state.groups[alias.variable],
               !sourceGroups.isDisjoint(with: groups) {
                state.modified.formUnion(groups)
            }
            return
        }
        if let value, let alias = aliasSource(value), alias.isReset, alias.variable == root {
            state.reset.formUnion(groups)  // x.buf = x.buf[:0]
            return
        }
        if node.kind == .selectorExpression {
            state.modified.formUnion(groups)
        } else if node.kind == .indexExpression, let operand = node.child(.operand),
                  engine.kind(of: engine.type(of: operand, in: file)) == .map {
            state.modified.formUnion(groups)
        }
    }

    /// `x.n++`, `x.total += n`: a field update modifies x.
    func mutate(target: Node, _ state: inout State) {
        guard target.kind != .identifier else { return }
        store(into: target, value: nil, &state)
    }

    // MARK: Expressions

    /// The local variable (or package variable) an identifier resolves to.
    func variable(_ identifier: Node) -> Int32? {
        guard identifier.kind == .identifier, let declaration = file.resolve(identifier), declaration.kind.isVariable else { return nil }
        return declaration.id.raw
    }

    func stripParens(_ node: Node) -> Node {
        var node = node
        while node.kind == .parenthesizedExpression, let inner = node.namedChild(at: 0) { node = inner }
        return node
    }

    /// `p.Get()` or `p.Get().(T)` on a pool: the Get call.
    func getCall(_ value: Node) -> Node? {
        var node = stripParens(value)
        if node.kind == .typeAssertionExpression, let operand = node.child(.operand) { node = stripParens(operand) }
        guard node.kind == .callExpression, let call = file.poolCall(node), !call.isPut else { return nil }
        return node
    }

    /// The variable an expression is rooted at: `x`, `x.f.g`, `x[i]`, `*x`, `x[:n]`, `x.(T)`.
    func rootVariable(_ expression: Node) -> Int32? {
        var node = expression
        for _ in 0..<32 {
            switch node.kind {
            case .identifier: return variable(node)
            case .parenthesizedExpression, .unaryExpression, .selectorExpression, .indexExpression, .sliceExpression,
                 .typeAssertionExpression:
                guard let next = node.kind == .parenthesizedExpression ? node.namedChild(at: 0) : node.child(.operand) else { return nil }
                if node.kind == .unaryExpression, let op = node.child(.operator), !file.tree.textEquals(op, "*") { return nil }
                node = next
            default: return nil
            }
        }
        return nil
    }

    /// `x.f.g` (parentheses allowed) with x a variable: its field path.
    func fieldPath(_ expression: Node) -> FieldPath? {
        var node = stripParens(expression)
        var fields: [String] = []
        while node.kind == .selectorExpression, let operand = node.child(.operand), let field = node.child(.field) {
            fields.append(file.tree.text(field))
            node = stripParens(operand)
        }
        guard !fields.isEmpty, let root = variable(node) else { return nil }
        return FieldPath(root: root, fields: fields.reversed())
    }

    struct Alias {
        var variable: Int32
        /// `x[:0]`, `(*x)[:0]`, `append(x[:0], …)`: an emptied view.
        var isReset = false
        /// `append(x, …)`, `strconv.AppendInt(x, …)`: grows x.
        var isAppend = false
    }

    /// Whether a slice expression is `e[:0]` (or `e[0:0]`).
    func isEmptied(_ node: Node) -> Bool {
        let node = stripParens(node)
        guard node.kind == .sliceExpression, let end = node.child(.end), file.tree.textEquals(end, "0") else { return false }
        if let start = node.child(.start), !file.tree.textEquals(start, "0") { return false }
        return node.child(.capacity) == nil
    }

    /// The variable whose memory `value` shares: `x`, `x[i:j]`, `x.Bytes()`, `*x`, `x.(T)`, and
    /// `append(x, …)` / `strconv.AppendX(x, …)` results. Copies (`string(x)`, `x.String()`,
    /// `append([]byte(nil), x...)`) are not aliases.
    func aliasSource(_ value: Node) -> Alias? {
        let node = stripParens(value)
        switch node.kind {
        case .identifier:
            return variable(node).map { Alias(variable: $0) }
        case .sliceExpression:
            guard let operand = node.child(.operand), let base = aliasBase(operand) else { return nil }
            return Alias(variable: base, isReset: isEmptied(node))
        case .unaryExpression:
            guard let op = node.child(.operator), file.tree.textEquals(op, "*"), let operand = node.child(.operand),
                  let base = aliasBase(operand) else { return nil }
            return Alias(variable: base)
        case .typeAssertionExpression:
            guard let operand = node.child(.operand), let base = aliasBase(operand) else { return nil }
            return Alias(variable: base)
        case .callExpression:
            guard let function = node.child(.function) else { return nil }
            let arguments = node.child(.arguments)?.namedChildren.filter { $0.kind != .comment } ?? []
            if function.kind == .selectorExpression, let field = function.child(.field), let operand = function.child(.operand),
               file.tree.textEquals(field, "Bytes") || file.tree.textEquals(field, "AvailableBuffer"), arguments.isEmpty {
                return aliasBase(operand).map { Alias(variable: $0) }
            }
            if isAppendLike(function), let first = arguments.first, let base = aliasBase(first) {
                return isEmptied(first) ? Alias(variable: base, isReset: true) : Alias(variable: base, isAppend: true)
            }
            return nil
        default:
            return nil
        }
    }

    /// The variable of an alias chain's base (`x`, `*x`, `(*x)[:n]`…), nil for anything else.
    func aliasBase(_ expression: Node) -> Int32? {
        let node = stripParens(expression)
        if node.kind == .identifier { return variable(node) }
        return aliasSource(node)?.variable
    }

    func isAppendLike(_ function: Node) -> Bool {
        if function.kind == .identifier {
            return file.tree.textEquals(function, "append") && file.resolve(function)?.kind == .builtinFunc
        }
        guard function.kind == .selectorExpression, let operand = function.child(.operand), let field = function.child(.field),
              operand.kind == .identifier, let path = file.importPath(ofQualifier: operand) else { return false }
        let name = file.tree.text(field)
        return (path == "strconv" || path == "fmt" || path == "unicode/utf8" || path == "encoding/hex" || path == "encoding/base64")
            && name.hasPrefix("Append")
    }

    func ensureGroups(_ variable: Int32, _ state: inout State) -> Set<Int> {
        if let groups = state.groups[variable], !groups.isEmpty { return groups }
        let group = 1 << 40 | Int(UInt32(bitPattern: variable))
        state.groups[variable] = [group]
        return [group]
    }

    // MARK: Effects of calls

    /// Pool Puts, writes and resets of the calls in `node` (not inside nested func literals).
    func effects(in node: Node, _ state: inout State) {
        var calls: [Node] = []
        node.walk { child in
            if child.kind == .funcLiteral { return .skipChildren }
            if child.kind == .callExpression { calls.append(child) }
            return .visitChildren
        }
        // Inner calls first: `p.Put(x)` after `x.Bytes()` in its arguments.
        for call in calls.reversed() { callEffect(call, &state) }
    }

    func callEffect(_ call: Node, _ state: inout State) {
        guard let function = call.child(.function) else { return }
        let arguments = call.child(.arguments)?.namedChildren.filter { $0.kind != .comment } ?? []
        if let pool = file.poolCall(call) {
            if pool.isPut, let argument = pool.argument { put(call, argument, &state) }
            return
        }
        if let body = closureBody(calledAs: function) {
            // `release()` with `release := func() { p.Put(b) }`: its body's calls happen here.
            closures.running.insert(body.startByte)
            for statement in closureCalls(body) { effects(in: statement, &state) }
            closures.running.remove(body.startByte)
            return
        }
        if !state.fieldTaint.isEmpty { untaintFields(reassignableBy: call, function: function, arguments: arguments, &state) }
        if function.kind == .selectorExpression, let operand = function.child(.operand), let field = function.child(.field) {
            if let root = rootVariable(operand), let groups = state.groups[root], !groups.isEmpty {
                let name = file.tree.text(field)
                if name.hasPrefix("Write") || name == "ReadFrom" {
                    state.modified.formUnion(groups)
                } else if isResetMethod(name, arguments) {
                    state.reset.formUnion(groups)
                }
                return
            }
            if operand.kind == .identifier, let path = file.importPath(ofQualifier: operand), let first = arguments.first,
               let root = rootVariable(first), let groups = state.groups[root], !groups.isEmpty {
                let name = file.tree.text(field)
                if (path == "fmt" && name.hasPrefix("Fprint")) || (path == "io" && (name == "Copy" || name == "CopyBuffer" || name == "CopyN" || name == "WriteString"))
                    || (path == "encoding/binary" && name == "Write") {
                    state.modified.formUnion(groups)
                }
            }
            return
        }
        if function.kind == .identifier, file.tree.textEquals(function, "clear"), file.resolve(function)?.kind == .builtinFunc,
           let first = arguments.first, let root = rootVariable(first), let groups = state.groups[root] {
            // clear empties a map; on a slice it zeroes the elements and keeps the length.
            let kind = engine.kind(of: engine.type(of: first, in: file))
            if kind != .slice && kind != .array { state.reset.formUnion(groups) }
        }
    }

    /// A call may reassign the fields of the variables it receives (`w.close()`, `reset(&w)`,
    /// `release(w)`): their put-back field paths are forgotten.
    func untaintFields(reassignableBy call: Node, function: Node, arguments: [Node], _ state: inout State) {
        var received = arguments
        if function.kind == .selectorExpression, let operand = function.child(.operand) { received.append(operand) }
        for expression in received {
            var node = stripParens(expression)
            if node.kind == .unaryExpression, let op = node.child(.operator), file.tree.textEquals(op, "&"),
               let operand = node.child(.operand) { node = operand }
            if let root = rootVariable(node) { state.untaintFields(of: root) }
        }
    }

    /// `p.Put(argument)` (not deferred).
    func put(_ call: Node, _ argument: Node, _ state: inout State) {
        puts.nodes[call.startByte] = call
        let value = stripParens(argument)
        if isEmptied(value) { return }
        if let path = fieldPath(value) {
            if sharesMemory(value) { state.fieldTaint[path, default: []].insert(call.startByte) }
            return
        }
        var root: Int32?
        if value.kind == .identifier {
            root = variable(value)
        } else if value.kind == .unaryExpression, let op = value.child(.operator), file.tree.textEquals(op, "&"),
                  let operand = value.child(.operand), operand.kind == .identifier {
            root = variable(operand)
        }
        guard let root else { return }
        let groups = state.groups[root] ?? []
        if value.kind == .identifier, isUnreset(groups, state) { facts.unresetPuts.insert(call.startByte) }
        guard sharesMemory(value) else { return }
        // Taint the value and every alias of it.
        state.taint[root, default: []].insert(call.startByte)
        if !groups.isEmpty {
            for (other, otherGroups) in state.groups where other != root && !otherGroups.isDisjoint(with: groups) {
                state.taint[other, default: []].insert(call.startByte)
            }
        }
    }

    /// Only shared memory can be raced on: a string, array, struct or number put back is a copy.
    func sharesMemory(_ value: Node) -> Bool {
        switch engine.kind(of: engine.type(of: value, in: file)) {
        case .pointer, .slice, .map, .chan, .interface: return true
        default: return false
        }
    }

    func isUnreset(_ groups: Set<Int>, _ state: State) -> Bool {
        groups.contains { state.got.contains($0) && state.modified.contains($0) && !state.reset.contains($0) }
    }

    /// `Reset()`, `Clear()`, `Truncate(0)`…: a method call that empties its receiver.
    func isResetMethod(_ name: String, _ arguments: [Node]) -> Bool {
        name == "Reset" || name == "reset" || name.hasPrefix("Reset") || name == "Clear" || name == "clear"
            || (name == "Truncate" && arguments.count == 1 && file.tree.textEquals(arguments[0], "0"))
    }

    func deferStatement(_ statement: Node, _ state: inout State) {
        guard let call = statement.namedChild(at: 0), call.kind == .callExpression else { return }
        var puts: [(call: Node, argument: Node, resetFirst: Bool)] = []
        var resets: Set<Int32> = []
        if let pool = file.poolCall(call), pool.isPut, let argument = pool.argument {
            puts.append((call, argument, false))
        } else if let root = resetRoot(call) {
            resets.insert(root)  // defer x.Reset()
        } else if let function = call.child(.function), let body = function.kind == .funcLiteral
                    ? function.child(.body) : closureBody(calledAs: function) {
            // defer func() { … x.Reset() … p.Put(x) … }(), or defer release() with such a literal
            for child in closureCalls(body) {
                guard let inner = child.namedChild(at: 0) else { continue }
                if let pool = file.poolCall(inner) {
                    guard pool.isPut, let argument = pool.argument else { continue }
                    let root = putValue(argument).flatMap(variable)
                    puts.append((inner, argument, root.map(resets.contains) == true))
                } else if let root = resetRoot(inner) {
                    resets.insert(root)
                }
            }
        }
        // Deferred calls run last registered first: a reset deferred after a deferred Put runs
        // before it (`defer p.Put(b)` … `defer b.Reset()`).
        let resetGroups = resets.reduce(into: Set<Int>()) { $0.formUnion(state.groups[$1] ?? []) }
        if !resetGroups.isEmpty {
            state.deferred = Set(state.deferred.map { deferred in
                var deferred = deferred
                if !deferred.groups.isDisjoint(with: resetGroups) { deferred.checksReset = false }
                return deferred
            })
        }
        for (putCall, argument, resetFirst) in puts {
            guard let value = putValue(argument), let root = variable(value), !isEmptied(value) else { continue }
            let checksReset = !resetFirst && stripParens(argument) == value
            guard sharesMemory(value) || isUnreset(state.groups[root] ?? [], state) || state.got.contains(where: { (state.groups[root] ?? []).contains($0) }) else { continue }
            self.puts.nodes[putCall.startByte] = putCall
            let groups = ensureGroups(root, &state)
            state.deferred.insert(Deferred(put: putCall.startByte, groups: groups, checksReset: checksReset))
        }
    }

    /// The body of the func literal a never-reassigned local variable called as `function` holds
    /// (not one whose call is already being followed: a literal may call another).
    private func closureBody(calledAs function: Node) -> Node? {
        guard function.kind == .identifier, let body = file.localFuncLiteral(calledAs: function)?.child(.body),
              !closures.running.contains(body.startByte) else { return nil }
        return body
    }

    /// The statements of a closure body that are calls (`b.Reset()`, `p.Put(b)`), in order: the
    /// effects a call of the closure surely has. Calls under its branches or loops are left out.
    private func closureCalls(_ body: Node) -> [Node] {
        body.namedChildren.filter { $0.kind == .expressionStatement && $0.namedChild(at: 0)?.kind == .callExpression }
    }

    /// The variable `call` resets: `x.Reset()`, `x.f.Truncate(0)`….
    private func resetRoot(_ call: Node) -> Int32? {
        guard let function = call.child(.function), function.kind == .selectorExpression,
              let operand = function.child(.operand), let field = function.child(.field),
              isResetMethod(file.tree.text(field), call.child(.arguments)?.namedChildren.filter { $0.kind != .comment } ?? []) else { return nil }
        return rootVariable(operand)
    }

    /// The variable a deferred Put gives back: `x`, or `&x` (a pointer to it).
    private func putValue(_ argument: Node) -> Node? {
        var value = stripParens(argument)
        if value.kind == .unaryExpression, value.child(.operator).map({ file.tree.textEquals($0, "&") }) == true,
           let operand = value.child(.operand) {
            value = stripParens(operand)
        }
        return value.kind == .identifier ? value : nil
    }

    /// At a return (or the end of the body): deferred Puts of unreset values.
    func checkDeferredUnreset(_ state: State) {
        for deferred in state.deferred where deferred.checksReset && isUnreset(deferred.groups, state) {
            facts.unresetPuts.insert(deferred.put)
        }
    }

    /// `return x.Bytes()` while `defer p.Put(x)` is registered.
    func checkReturn(_ statement: Node, _ state: State) {
        guard !state.deferred.isEmpty else { return }
        statement.forEachChild { child in
            for value in list(child.kind == .expressionList ? child : nil) {
                guard let alias = aliasSource(value) else { continue }
                let groups = state.groups[alias.variable] ?? []
                for deferred in state.deferred where !deferred.groups.isDisjoint(with: groups) {
                    report(use: value, put: deferred.put, kind: .returnedWithDeferredPut)
                }
            }
        }
    }

    /// `go …` capturing a value whose Put is deferred.
    func goStatement(_ statement: Node, _ state: State) {
        guard !state.deferred.isEmpty else { return }
        statement.walk { child in
            guard child.kind == .identifier else { return .visitChildren }
            if let variable = variable(child), let groups = state.groups[variable] {
                for deferred in state.deferred where !deferred.groups.isDisjoint(with: groups) {
                    report(use: child, put: deferred.put, kind: .goroutineWithDeferredPut)
                }
            }
            return .skipChildren
        }
    }

    // MARK: Uses

    /// Reports identifiers and field paths of `node` that refer to a put-back value (plain
    /// assignment targets, nil comparisons and len/cap of a slice or string excepted).
    func uses(in node: Node, _ state: State) {
        guard state.hasTaint else { return }
        var skipped: Set<Int> = []
        var reassignedFields: Set<Int> = []
        let kind = node.kind
        if kind == .shortVarDeclaration || (kind == .assignmentStatement && isPlainAssignment(node)) {
            for target in list(node.child(.left)) {
                if target.kind == .identifier { skipped.insert(target.startByte) }
                if reassignsTaintedField(target, state) { reassignedFields.insert(target.startByte) }
            }
        }
        if kind == .rangeClause || kind == .receiveStatement, let left = node.child(.left) {
            for target in list(left) where target.kind == .identifier { skipped.insert(target.startByte) }
        }
        node.walk { child in
            let childKind = child.kind
            if childKind == .binaryExpression, let right = child.child(.right), right.kind == .nil { return .skipChildren }
            if childKind == .callExpression, let function = child.child(.function), function.kind == .identifier,
               file.tree.textEquals(function, "len") || file.tree.textEquals(function, "cap"),
               let argument = child.child(.arguments)?.namedChild(at: 0), argument.kind == .identifier || isTainted(argument, state) {
                let argumentKind = engine.kind(of: engine.type(of: argument, in: file))
                if argumentKind == .slice || argumentKind == .string { return .skipChildren }
            }
            if childKind == .selectorExpression, !state.fieldTaint.isEmpty {
                if reassignedFields.contains(child.startByte) { return .skipChildren }
                if let path = fieldPath(child), let tainted = state.fieldTaint[path] {
                    for put in tainted { report(use: child, put: put) }
                    return .skipChildren
                }
            }
            guard childKind == .identifier else { return .visitChildren }
            if skipped.contains(child.startByte) { return .skipChildren }
            if let variable = variable(child), let tainted = state.taint[variable] {
                for put in tainted { report(use: child, put: put) }
            }
            return .skipChildren
        }
    }

    /// `w.fw = …` or `w = …`-like targets over a put-back field path: a reassignment, not a use.
    func reassignsTaintedField(_ target: Node, _ state: State) -> Bool {
        guard !state.fieldTaint.isEmpty, let path = fieldPath(target) else { return false }
        return state.fieldTaint.keys.contains { path.isPrefix(of: $0) }
    }

    func isTainted(_ expression: Node, _ state: State) -> Bool {
        guard !state.fieldTaint.isEmpty, let path = fieldPath(expression) else { return false }
        return state.fieldTaint[path] != nil
    }

    func report(use: Node, put: Int, kind: UseAfterPut.Kind = .afterPut) {
        if let existing = facts.usesAfterPut[put], existing.use.startByte <= use.startByte { return }
        facts.usesAfterPut[put] = UseAfterPut(use: use, kind: kind)
    }
}
