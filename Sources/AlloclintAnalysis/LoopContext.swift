import AlloclintSyntax

/// Where a node stands relative to loops and function boundaries.
public enum LoopContext {
    /// Kinds that start a new function body: a loop outside them does not repeat what is inside.
    public static let functionBoundaries: Set<NodeKind> = [.functionDeclaration, .methodDeclaration, .funcLiteral]

    /// The innermost `for` statement enclosing the node whose ancestors (root first) are given,
    /// within the same function (not behind a func literal); the node must be in the loop's body.
    public static func enclosingLoop(of ancestors: [Node]) -> Node? {
        var index = ancestors.count - 1
        while index >= 0 {
            let node = ancestors[index]
            let kind = node.kind
            if functionBoundaries.contains(kind) { return nil }
            if kind == .forStatement, index + 1 < ancestors.count, ancestors[index + 1].kind == .block {
                return node
            }
            index -= 1
        }
        return nil
    }
}
