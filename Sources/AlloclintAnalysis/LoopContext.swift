import AlloclintSyntax

/// The ancestors of the node a pre-order walk is at, with the function bodies, loop bodies and
/// `if` branches among them, kept as the walk enters and leaves nodes. Questions about what
/// encloses the node never walk up the ancestors, so they cost the same at any nesting depth
/// (a walk that asked them per node would be quadratic in it).
public struct EnclosingContext {
    /// Root first, parent of the current node last.
    public private(set) var ancestors: [Node] = []
    /// Indices in `ancestors` of function declarations, methods and func literals, innermost last.
    public private(set) var functionIndices: [Int] = []
    /// Indices in `ancestors` of the bodies of `for` statements, innermost last.
    private var loopBodyIndices: [Int] = []
    /// `if` branches among the ancestors, innermost last: the branch's index and whether it or an
    /// outer branch of the same function is dead, once asked.
    private var branches: [(index: Int, function: Int, deadSoFar: Bool?)] = []

    /// The kind of each of `ancestors`.
    private var ancestorKinds: [NodeKind] = []
    /// The kinds `enter` tells apart, read once: a `NodeKind` constant is a lazily initialised
    /// global, checked at every use, and `enter` runs for every node.
    private let funcLiteral = NodeKind.funcLiteral, functionDeclaration = NodeKind.functionDeclaration,
        methodDeclaration = NodeKind.methodDeclaration, block = NodeKind.block, forStatement = NodeKind.forStatement,
        ifStatement = NodeKind.ifStatement

    public init() {}

    /// The walk goes into `node`'s children: `node`, of kind `kind`, becomes the parent.
    public mutating func enter(_ node: Node, kind: NodeKind) {
        let index = ancestors.count
        if kind == funcLiteral || kind == functionDeclaration || kind == methodDeclaration {
            functionIndices.append(index)  // a function body: a loop outside it does not repeat it
        } else if let parentKind = ancestorKinds.last {
            // A for statement's only block is its body; an if statement's blocks and nested if
            // are its branches (its initializer and condition are never either).
            if kind == block, parentKind == forStatement { loopBodyIndices.append(index) }
            if kind == block || kind == ifStatement, parentKind == ifStatement {
                branches.append((index, functionIndices.last ?? -1, nil))
            }
        }
        ancestors.append(node)
        ancestorKinds.append(kind)
    }

    /// The walk leaves the current parent.
    public mutating func leave() {
        ancestors.removeLast()
        ancestorKinds.removeLast()
        let index = ancestors.count
        if functionIndices.last == index { functionIndices.removeLast() }
        if loopBodyIndices.last == index { loopBodyIndices.removeLast() }
        if branches.last?.index == index { branches.removeLast() }
    }

    /// The innermost `for` statement whose body encloses the current node within its function.
    public var enclosingLoop: Node? {
        guard let body = loopBodyIndices.last, body > functionIndices.last ?? -1 else { return nil }
        return ancestors[body - 1]
    }

    /// Whether the current node sits, within its function, in a branch the compiler deletes
    /// (`GoFile.isDeadBranch`). Each branch is judged once, however many nodes ask.
    public mutating func isInDeadBranch(_ file: GoFile) -> Bool {
        let function = functionIndices.last ?? -1
        guard let last = branches.last, last.index > function else { return false }
        // Back to the innermost branch already judged, or to the first of this function.
        var position = branches.count - 1
        while branches[position].deadSoFar == nil, position > 0, branches[position - 1].function == function { position -= 1 }
        var dead = false
        if let judged = branches[position].deadSoFar { dead = judged; position += 1 }
        while position < branches.count {
            let index = branches[position].index
            dead = dead || file.isDeadBranch(ancestors[index], of: ancestors[index - 1])
            branches[position].deadSoFar = dead
            position += 1
        }
        return dead
    }
}
