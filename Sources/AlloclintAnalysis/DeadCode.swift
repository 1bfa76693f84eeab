import AlloclintSyntax

extension GoFile {
    /// Whether `branch`, the consequence or alternative of `ifStatement`, is one the compiler
    /// deletes: the body of `if debug { … }` where `debug` is a constant `false` (also
    /// `false && …`, `!on` with a true `on`), or the `else` of a constant-true condition. Nothing
    /// there runs, so nothing there allocates.
    public func isDeadBranch(_ branch: Node, of ifStatement: Node) -> Bool {
        guard let condition = ifStatement.child(.condition) else { return false }
        if branch == ifStatement.child(.consequence) { return constantTruth(condition) == false }
        if branch == ifStatement.child(.alternative) { return constantTruth(condition) == true }
        return false
    }

    /// The value of a boolean condition made of `true`, `false`, boolean constants declared with
    /// one of them, `!`, `&&` and `||`; nil when it is not that simple. Bounded in depth.
    public func constantTruth(_ condition: Node, depth: Int = 0) -> Bool? {
        guard depth < 8 else { return nil }
        switch condition.kind {
        case .true: return true
        case .false: return false
        case .parenthesizedExpression:
            return condition.namedChild(at: 0).flatMap { constantTruth($0, depth: depth + 1) }
        case .identifier:
            // A node of a declaration re-parsed on demand (`withBody`) does not resolve: its
            // names are looked up in the package block.
            guard let declaration = resolve(condition) ?? packageScope.lookup(tree.text(condition)),
                  declaration.kind == .packageConst || declaration.kind == .localConst,
                  let value = declaration.initializer else { return nil }
            if declaration.file === self { return constantTruth(value, depth: depth + 1) }
            // Declared in another file of the package: only a literal is read there.
            return value.kind == .true ? true : value.kind == .false ? false : nil
        case .unaryExpression:
            guard let op = condition.child(.operator), tree.textEquals(op, "!"),
                  let operand = condition.child(.operand) else { return nil }
            return constantTruth(operand, depth: depth + 1).map { !$0 }
        case .binaryExpression:
            guard let op = condition.child(.operator), let left = condition.child(.left),
                  let right = condition.child(.right) else { return nil }
            let isAnd = tree.textEquals(op, "&&")
            guard isAnd || tree.textEquals(op, "||") else { return nil }
            let lhs = constantTruth(left, depth: depth + 1), rhs = constantTruth(right, depth: depth + 1)
            // false && x is false, true || x is true, whatever x is.
            if lhs == !isAnd || rhs == !isAnd { return !isAnd }
            if let lhs, let rhs { return isAnd ? lhs && rhs : lhs || rhs }
            return nil
        default:
            return nil
        }
    }
}
