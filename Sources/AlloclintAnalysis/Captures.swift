import AlloclintSyntax

extension FileAnalysis {
    /// Records the captured variables of every func literal of the top-level declaration holding
    /// `literal`, in one walk that keeps the open literals on a stack. A reference to a local
    /// variable is a capture of each open literal, innermost first, that does not contain the
    /// variable's declaration; the climb stops at a literal that already has it (the ones around it
    /// have it too), so the work is the number of references plus the number of captures.
    func indexCaptures(around literal: Node) {
        guard let unit = unit(containing: literal.startByte), capturesIndexed.insert(unit.startByte).inserted else { return }
        var open: [(literal: Node, captured: Set<Int32>)] = []
        unit.walk(visit: { node in
            let kind = node.kind
            if kind == .funcLiteral {
                open.append((node, []))
            } else if kind == .identifier {
                guard !open.isEmpty, let local = target(of: node), local >= 0 else { return .skipChildren }
                let declaration = locals[Int(local)]
                guard declaration.kind.isVariable, let name = declaration.nameNode else { return .skipChildren }
                var index = open.count - 1
                while index >= 0, !open[index].literal.contains(name), open[index].captured.insert(local).inserted {
                    literalCaptures[open[index].literal.startByte, default: []].append((node, local))
                    index -= 1
                }
                return .skipChildren
            }
            return .visitChildren
        }, descend: { _ in }, ascend: { node in
            if node.kind == .funcLiteral { open.removeLast() }
        })
    }
}
