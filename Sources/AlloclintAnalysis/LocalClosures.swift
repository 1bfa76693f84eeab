import AlloclintSyntax

extension GoFile {
    /// The func literal that `function` names when it is a local variable initialised with one
    /// (`release := func() { … }`) and never reassigned: a call of it runs that literal's body.
    public func localFuncLiteral(calledAs function: Node) -> Node? {
        guard function.kind == .identifier, let declaration = resolve(function), declaration.kind == .localVar,
              case .value(let literal) = declaration.origin, literal.kind == .funcLiteral,
              isNeverReassigned(declaration) else { return nil }
        return literal
    }

    /// No `x = …`, `x, y := …` redeclaration, `x++` or `&x` after the declaration.
    private func isNeverReassigned(_ variable: Declaration) -> Bool {
        guard let scope = variable.scope, let name = variable.nameNode else { return false }
        var reassigned = false
        forEachReference(in: scope) { identifier, declaration in
            guard declaration.nameNode == name, identifier != name else { return }
            if identifier.isAssignmentTarget || identifier.parent?.kind == .unaryExpression { reassigned = true }
        }
        return !reassigned
    }
}
