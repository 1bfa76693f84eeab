import AlloclintSyntax

/// A function or method declaration whose body is parsed, with the tree its nodes belong to
/// when that tree was made on demand (held so the nodes stay valid while they are read).
public struct DeclarationWithBody {
    public let node: Node
    let parsedTree: SyntaxTree?
}

extension GoFile {
    /// `declaration` (a top-level function or method of this file) with its body: itself, or —
    /// for a file read only for package context, parsed without function bodies — the same
    /// declaration from a parse of its own text, so that its body reads as in a full run. Nil
    /// when that parse does not give the body back.
    public func withBody(_ declaration: Node) -> DeclarationWithBody? {
        guard let body = declaration.child(.body), tree.isUnparsedBody(body) else {
            return DeclarationWithBody(node: declaration, parsedTree: nil)
        }
        guard let parser = try? GoParser() else { return nil }
        let parsed = parser.parse(source, ranges: [declaration.byteRange])
        var found: Node?
        parsed.root.forEachChild { node in
            if node.startByte == declaration.startByte, node.kind == declaration.kind { found = node }
        }
        guard let found, let body = found.child(.body), !parsed.isUnparsedBody(body) else { return nil }
        return DeclarationWithBody(node: found, parsedTree: parsed)
    }
}
