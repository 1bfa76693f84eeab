import AlloclintAnalysis
import AlloclintSyntax

/// Whether a function lets the value passed for an interface parameter escape: a syntax-only
/// approximation of the compiler's escape analysis. When the parameter does not escape, the
/// compiler boxes the caller's argument in a stack temporary and nothing is allocated.
///
/// A parameter only inspected — compared with `==`/`!=`, asserted or type-switched to a value type
/// (whose result is a copy), measured with `len` when variadic — does not escape. Every other
/// use (passed on, stored, returned, captured, methods called on it) is taken as an escape, and so
/// is a function without a body (assembly) or whose body cannot be read. Uses under `if debug`
/// with a false constant do not count. References are matched by name, so a shadowing local only
/// makes the answer more cautious.
enum ParameterEscape {
    /// `body` is the function's parsed body (`GoFile.withBody`), nil when it has none.
    static func mayEscape(_ name: Node, variadic: Bool, body: Node?, in owner: GoFile, from file: GoFile) -> Bool {
        guard name.kind == .identifier else { return false }  // `_`
        guard let body else { return true }
        let bytes = owner.source.bytes
        let nameBytes = bytes[name.byteRange]
        var escapes = false
        var ancestors: [Node] = []
        body.walk(visit: { node in
            if node.kind == .identifier, bytes[node.byteRange] == nameBytes {
                let inspected = variadic
                    ? isLengthQuery(ancestors, owner)
                    : isInspection(node, ancestors, owner: owner, file: file)
                if !inspected {
                    escapes = true
                    return .stop
                }
                return .skipChildren
            }
            if let parent = ancestors.last, parent.kind == .ifStatement, node == parent.child(.consequence),
               let condition = parent.child(.condition), owner.constantTruth(condition) == false {
                return .skipChildren  // `if debug { … }` with a false constant: deleted by the compiler
            }
            return .visitChildren
        }, descend: { node in
            ancestors.append(node)
        }, ascend: { _ in
            ancestors.removeLast()
        })
        return escapes
    }

    /// `len(xs)`.
    private static func isLengthQuery(_ ancestors: [Node], _ owner: GoFile) -> Bool {
        guard ancestors.count >= 2, ancestors[ancestors.count - 1].kind == .argumentList else { return false }
        let call = ancestors[ancestors.count - 2]
        guard call.kind == .callExpression, let function = call.child(.function), function.kind == .identifier else { return false }
        return owner.tree.textEquals(function, "len")
    }

    /// `v == x`, `v.(T)` with T a value type, `switch v.(type)` whose bound variable is used only
    /// in clauses of one value type.
    private static func isInspection(_ reference: Node, _ ancestors: [Node], owner: GoFile, file: GoFile) -> Bool {
        guard let parent = ancestors.last else { return false }
        switch parent.kind {
        case .binaryExpression:
            guard let op = parent.child(.operator) else { return false }
            return owner.tree.textEquals(op, "==") || owner.tree.textEquals(op, "!=")
        case .typeAssertionExpression:
            guard parent.child(.operand) == reference, let type = parent.child(.type) else { return false }
            return isCopiedOut(type, owner: owner, file: file)
        case .typeSwitchStatement:
            guard parent.child(.value) == reference else { return false }
            return switchKeepsCopies(parent, owner: owner, file: file)
        default:
            return false
        }
    }

    /// Whether asserting an interface to `type` copies the value out of the box (a non-pointer,
    /// non-interface type) instead of passing the box's pointer on.
    private static func isCopiedOut(_ type: Node, owner: GoFile, file: GoFile) -> Bool {
        let resolved = file.type(fromTypeNode: type, writtenIn: owner)
        switch file.kind(of: resolved) {
        case .basic, .string, .slice: return true
        case .structValue, .array: return file.layout(of: resolved) == .other
        default: return false
        }
    }

    /// In `switch x := v.(type)`, x holds the box itself in `default`, multi-type and interface or
    /// pointer clauses: the switch escapes v if x is used in one of those.
    private static func switchKeepsCopies(_ statement: Node, owner: GoFile, file: GoFile) -> Bool {
        guard let alias = statement.child(.alias)?.namedChild(at: 0), alias.kind == .identifier else { return true }
        let bytes = owner.source.bytes
        let aliasBytes = bytes[alias.byteRange]
        var keepsCopies = true
        statement.forEachChild { clause in
            guard keepsCopies, clause.kind == .typeCase || clause.kind == .defaultCase else { return }
            let types = clause.children(.type)
            if types.count == 1, isCopiedOut(types[0], owner: owner, file: file) { return }
            let usesAlias = clause.first { $0.kind == .identifier && bytes[$0.byteRange] == aliasBytes } != nil
            if usesAlias { keepsCopies = false }
        }
        return keepsCopies
    }
}
