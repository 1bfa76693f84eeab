import AlloclintAnalysis
import AlloclintSyntax

/// `loop-closure`: a func literal in a loop body (of its own function) that captures local
/// variables and escapes the iteration. A capturing closure is a heap object when it escapes, so
/// the loop allocates one per iteration — and the variables it captures with it.
struct LoopClosureRule: Rule {
    static let id = "loop-closure"
    static let kinds: [NodeKind] = [.funcLiteral]

    init(options: RuleOptions) {}

    func visit(_ literal: Node, _ context: RuleContext) {
        guard let loop = context.enclosingLoop, let body = loop.child(.body) else { return }
        let file = context.file
        guard !context.isInDeadBranch() else { return }
        let captures = file.freeVariables(of: literal)
        guard let firstCapture = captures.first else { return }
        guard let escape = ClosureFlow(file: file, literal: literal, loopBody: body, ancestors: context.ancestors).escape() else { return }

        var message = "func literal in a loop captures \(capturedNames(captures)) and \(escape.description(context)): "
            + "a closure is heap-allocated on every iteration"
        if let loopVariable = captures.first(where: { isLoopVariable($0.declaration) }) {
            let name = loopVariable.declaration.name
            if context.goVersion >= GoVersion.perIterationLoopVariables {
                message += ", and each iteration's `\(name)` escapes to the heap with it"
            } else if escape.way == .goStatement || escape.way == .goArgument {
                message += "; before Go 1.22 all iterations share `\(name)`, so the goroutine may see a later "
                    + "iteration's value: a correctness bug too"
            } else if escape.way == .deferStatement || escape.way == .deferArgument {
                message += "; before Go 1.22 all iterations share `\(name)`, so every deferred call sees its "
                    + "last value: a correctness bug too"
            }
        }
        let funcKeyword = literal.child(at: 0) ?? literal
        context.report(range: funcKeyword.byteRange, message, related: [
            (escape.site.byteRange, "the closure escapes here"),
            (firstCapture.identifier.byteRange, "captures `\(firstCapture.declaration.name)`"),
        ])
    }

    /// "`a`", "`a` and `b`", "`a`, `b`, `c` and 2 more": distinct names in source order.
    private func capturedNames(_ captures: [(identifier: Node, declaration: Declaration)]) -> String {
        var names: [String] = []
        for capture in captures {
            let name = capture.declaration.name
            if !names.contains(name) { names.append(name) }
        }
        let shown = names.prefix(3).map { "`\($0)`" }
        if names.count > 3 { return shown.joined(separator: ", ") + " and \(names.count - 3) more" }
        if shown.count == 1 { return shown[0] }
        return shown.dropLast().joined(separator: ", ") + " and " + shown[shown.count - 1]
    }

    /// A variable declared by a `for` header: `for i := …;` or `for k, v := range …`.
    private func isLoopVariable(_ declaration: Declaration) -> Bool {
        guard let declaration = declaration.declNode else { return false }
        if declaration.kind == .rangeClause { return true }
        return declaration.kind == .shortVarDeclaration && declaration.parent?.kind == .forClause
    }
}

/// How a closure leaves the iteration that created it.
private struct Escape {
    enum Way {
        case goStatement, deferStatement, goArgument, deferArgument
        case outerVariable, field, element, pointer, appended, sent, returned, passed
    }

    let way: Way
    /// The statement, call or assignment target where it escapes.
    let site: Node
    /// The loop-local variable the closure went through on its way out, if any.
    var via: Declaration?

    func description(_ context: RuleContext) -> String {
        let how: String
        switch way {
        case .goStatement: how = "runs in a goroutine"
        case .deferStatement: how = "is deferred"
        case .goArgument: how = "is passed to a call run by `go`"
        case .deferArgument: how = "is passed to a deferred call"
        case .outerVariable: how = "is stored in `\(context.text(site))`, declared outside the loop"
        case .field: how = "is stored in a field"
        case .element: how = "is stored in a map or slice element"
        case .pointer: how = "is stored through a pointer"
        case .appended: how = "is appended to a slice"
        case .sent: how = "is sent on a channel"
        case .returned: how = "is returned"
        case .passed: how = "is passed to \(calleeName(context))"
        }
        guard let via else { return how }
        return "\(how) (through `\(via.name)`)"
    }

    /// `f`, `mux.HandleFunc`, or for a long or multi-line callee its last name.
    private func calleeName(_ context: RuleContext) -> String {
        guard let function = site.child(.function) else { return "a function" }
        let text = context.text(function)
        if text.count <= 40, !text.contains("\n") { return "`\(text)`" }
        if let field = function.child(.field) { return "`\(context.text(field))`" }
        return "a function"
    }
}

/// Follows the closure value a func literal creates — through parentheses, conversions, composite
/// literals, loop-local variables and the literals that capture them — to the first place where it
/// outlives the iteration. Anything it cannot follow counts as not escaping: precision first.
private struct ClosureFlow {
    let file: GoFile
    /// The body of the innermost loop around the literal: variables declared in it are loop-local.
    let loopBody: Node
    let literal: Node
    /// The loop body, the literal's ancestors inside it, and the literal: parents found here cost
    /// nothing, where `Node.parent` searches down from the root.
    let chain: [Node]

    init(file: GoFile, literal: Node, loopBody: Node, ancestors: [Node]) {
        self.file = file
        self.literal = literal
        self.loopBody = loopBody
        chain = Array(ancestors[(ancestors.lastIndex(of: loopBody) ?? ancestors.endIndex)...]) + [literal]
    }

    private func parent(of node: Node) -> Node? {
        if let index = chain.lastIndex(of: node), index > 0 { return chain[index - 1] }
        return node.parent
    }

    /// Bounds the values followed per literal (variables assigned to variables…).
    private static let stepLimit = 64

    private enum Use {
        case escapes(Escape)
        /// The value is (part of) this larger expression.
        case flows(Node)
        /// The value is stored in a loop-local variable.
        case held(Declaration)
        /// Called, or used in a way that does not keep it.
        case stays
    }

    func escape() -> Escape? {
        var pending: [(value: Node, via: Declaration?)] = [(literal, nil)]
        var followed: Set<Int> = []
        var steps = 0
        while let (value, via) = pending.popLast() {
            steps += 1
            if steps > Self.stepLimit { return nil }
            switch use(of: value) {
            case .escapes(var escape):
                escape.via = via
                return escape
            case .flows(let larger):
                pending.append((larger, via))
            case .held(let variable):
                guard let name = variable.nameNode, followed.insert(name.startByte).inserted else { continue }
                for use in uses(of: variable) { pending.append((use, via ?? variable)) }
            case .stays:
                continue
            }
        }
        return nil
    }

    /// What the context of `value` does with it.
    private func use(of value: Node) -> Use {
        var node = value
        while let parent = parent(of: node) {
            switch parent.kind {
            case .parenthesizedExpression, .literalElement, .keyedElement, .literalValue:
                node = parent
            case .compositeLiteral, .typeConversionExpression:
                return .flows(parent)
            case .unaryExpression:
                return parent.child(.operator).map { file.tree.textEquals($0, "&") } == true ? .flows(parent) : .stays
            case .callExpression:
                // Called: harmless, unless the call is what a go or defer statement runs.
                return parent.child(.function) == node ? statementUse(of: parent, asArgument: false) ?? .stays : .stays
            case .argumentList:
                guard let call = self.parent(of: parent), call.kind == .callExpression else { return .stays }
                return argumentUse(node, in: call)
            case .expressionList:
                return listUse(of: node, in: parent)
            case .sendStatement:
                return parent.child(.value) == node ? .escapes(Escape(way: .sent, site: parent)) : .stays
            default:
                return .stays
            }
        }
        return .stays
    }

    /// A call run by `go`, or by a `defer` in a loop of the loop's function: its function value and
    /// its arguments are kept beyond the statement.
    private func statementUse(of call: Node, asArgument: Bool) -> Use? {
        guard let statement = parent(of: call) else { return nil }
        if statement.kind == .goStatement {
            return .escapes(Escape(way: asArgument ? .goArgument : .goStatement, site: statement))
        }
        if statement.kind == .deferStatement, belongsToLoopFunction(statement) {
            return .escapes(Escape(way: asArgument ? .deferArgument : .deferStatement, site: statement))
        }
        return nil
    }

    private func argumentUse(_ argument: Node, in call: Node) -> Use {
        if let use = statementUse(of: call, asArgument: true) { return use }
        guard let function = call.child(.function) else { return .stays }
        if function.kind == .identifier, let callee = file.resolve(function) {
            if callee.kind.isType { return .flows(call) }
            if callee.kind == .builtinFunc {
                if file.tree.textEquals(function, "append") { return .escapes(Escape(way: .appended, site: call)) }
                if file.tree.textEquals(function, "panic") { return .escapes(Escape(way: .passed, site: call)) }
                return .stays
            }
        }
        if file.callRetainsNoFuncArgument(call, argument: argument) { return .stays }
        return .escapes(Escape(way: .passed, site: call))
    }

    /// The value is one element of an expression list: returned, or assigned to its counterpart.
    private func listUse(of value: Node, in list: Node) -> Use {
        guard let owner = parent(of: list) else { return .stays }
        let targets: [Node]
        switch owner.kind {
        case .returnStatement:
            return belongsToLoopFunction(owner) ? .escapes(Escape(way: .returned, site: owner)) : .stays
        case .assignmentStatement, .shortVarDeclaration:
            guard owner.child(.right) == list, let left = owner.child(.left) else { return .stays }
            targets = expressions(in: left)
        case .varSpec:
            guard owner.child(.value) == list else { return .stays }
            targets = owner.children(.name)
        default:
            return .stays
        }
        let values = expressions(in: list)
        guard values.count == targets.count, let index = values.firstIndex(of: value) else { return .stays }
        return store(into: targets[index])
    }

    private func store(into target: Node) -> Use {
        switch target.kind {
        case .identifier:
            guard !file.tree.textEquals(target, "_"), let variable = file.resolve(target), variable.kind.isVariable else { return .stays }
            if variable.kind.isLocal, let name = variable.nameNode, loopBody.contains(name) { return .held(variable) }
            return .escapes(Escape(way: .outerVariable, site: target))
        case .selectorExpression:
            return .escapes(Escape(way: .field, site: target))
        case .indexExpression:
            return .escapes(Escape(way: .element, site: target))
        case .unaryExpression:
            return .escapes(Escape(way: .pointer, site: target))
        default:
            return .stays
        }
    }

    /// Every read of a loop-local variable, and every func literal that captures it (the closure
    /// escapes with any of them).
    private func uses(of variable: Declaration) -> [Node] {
        guard let scope = variable.scope, let name = variable.nameNode else { return [] }
        var result: [Node] = []
        var capturingLiterals: Set<Int> = []
        file.forEachReference(in: scope) { identifier, declaration in
            guard declaration.nameNode == name, identifier != name, !identifier.isAssignmentTarget else { return }
            result.append(identifier)
            var ancestor = identifier.parent
            while let node = ancestor, node != scope {
                if node.kind == .funcLiteral, capturingLiterals.insert(node.startByte).inserted { result.append(node) }
                ancestor = node.parent
            }
        }
        return result
    }

    /// Whether `node` in the loop body belongs to the loop's function rather than to a func literal
    /// written inside the loop.
    private func belongsToLoopFunction(_ node: Node) -> Bool {
        var ancestor = parent(of: node)
        while let current = ancestor, current != loopBody {
            if current.kind == .funcLiteral { return false }
            ancestor = parent(of: current)
        }
        return true
    }

    private func expressions(in list: Node) -> [Node] {
        list.kind == .expressionList ? list.namedChildren.filter { $0.kind != .comment } : [list]
    }
}
