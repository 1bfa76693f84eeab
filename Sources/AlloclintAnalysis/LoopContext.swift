import AlloclintSyntax

/// Where a node stands relative to loops and function boundaries.
public enum LoopContext {
    /// Whether a node of this kind starts a new function body: a loop outside it does not
    /// repeat what is inside.
    public static func isFunctionBoundary(_ kind: NodeKind) -> Bool {
        kind == .funcLiteral || kind == .functionDeclaration || kind == .methodDeclaration
    }

    /// The innermost `for` statement enclosing the node whose ancestors (root first) are given,
    /// within the same function (not behind a func literal); the node must be in the loop's body.
    public static func enclosingLoop(of ancestors: [Node]) -> Node? {
        var index = ancestors.count - 1
        while index >= 0 {
            let node = ancestors[index]
            let kind = node.kind
            if isFunctionBoundary(kind) { return nil }
            if kind == .forStatement, index + 1 < ancestors.count, ancestors[index + 1].kind == .block {
                return node
            }
            index -= 1
        }
        return nil
    }
}
