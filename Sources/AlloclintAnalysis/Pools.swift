import AlloclintSyntax

/// A call of `Get` or `Put` on a `sync.Pool` (a package variable, local, parameter or field of
/// type `sync.Pool`/`*sync.Pool`, or a struct embedding one). A `Put` method of any other type is
/// not a pool call.
public struct PoolCall {
    public let call: Node
    public let isPut: Bool
    /// The pool expression (`bufPool`, `s.pool`, `c` when `c` embeds `sync.Pool`).
    public let pool: Node
    /// The argument of `Put`.
    public let argument: Node?
}

extension GoFile {
    /// The pool call `call` is, if it is a `Get()` or `Put(x)` on a sync.Pool.
    public func poolCall(_ call: Node) -> PoolCall? {
        let analysis = self.analysis
        if let last = analysis.lastPoolCall, last.call == call { return last.found }
        let found = findPoolCall(call)
        analysis.lastPoolCall = (call, found)
        return found
    }

    private func findPoolCall(_ call: Node) -> PoolCall? {
        // The bytes before the argument list first: most calls are not named Put or Get.
        guard call.kind == .callExpression, let arguments = call.child(.arguments),
              mayNamePoolMethod(before: arguments.startByte), let function = call.child(.function),
              function.kind == .selectorExpression, let field = function.child(.field),
              let operand = function.child(.operand) else { return nil }
        let isPut = tree.textEquals(field, "Put")
        guard isPut || tree.textEquals(field, "Get") else { return nil }
        var argument: Node?
        if isPut {
            let values = arguments.namedChildren.filter { $0.kind != .comment }
            guard values.count == 1, values[0].kind != .variadicArgument else { return nil }
            argument = values[0]
        }
        let engine = TypeEngine(file: self)
        let receiver = engine.type(of: operand, in: self)
        guard let owner = engine.methodOwner(receiver, isPut ? "Put" : "Get"), owner.isSyncPool else { return nil }
        return PoolCall(call: call, isPut: isPut, pool: operand, argument: argument)
    }

    /// Whether `Put` or `Get` ends right before `offset`, blanks aside, or a comment may sit
    /// between a name and `offset` (the tree then decides).
    private func mayNamePoolMethod(before offset: Int) -> Bool {
        let bytes = source.bytes
        var end = offset
        while end > 0 {
            switch bytes[end - 1] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): end -= 1
            case UInt8(ascii: "\n"), UInt8(ascii: "/"): return true
            default: guard end >= 3 else { return false }
                let name = bytes[end - 3..<end]
                guard name.elementsEqual("Put".utf8) || name.elementsEqual("Get".utf8) else { return false }
                return end == 3 || !SourceText.isIdentifierByte(bytes[end - 4])
            }
        }
        return false
    }

    /// The pool facts of a function (`function_declaration`, `method_declaration` or
    /// `func_literal`), computed on first use and cached: which Puts put back an unreset value,
    /// and which uses follow a Put of the value.
    public func poolFacts(of function: Node) -> PoolFacts {
        let analysis = self.analysis
        if let cached = analysis.functionFacts[function.startByte] as? PoolFacts { return cached }
        let facts = PoolFlow(file: self, function: function).run()
        analysis.functionFacts[function.startByte] = facts
        return facts
    }
}

/// A use of a value that was (or will be, for a deferred Put) returned to its pool.
public struct UseAfterPut {
    public enum Kind {
        /// Used after `p.Put(x)`.
        case afterPut
        /// Returned (or an alias returned) while `defer p.Put(x)` is pending.
        case returnedWithDeferredPut
        /// Captured by a goroutine while `defer p.Put(x)` is pending.
        case goroutineWithDeferredPut
    }
    public let use: Node
    public let kind: Kind
}

/// The functions whose pool facts may concern a Put at a node with these ancestors: the innermost
/// function, and for a Put inside `defer func() { … }()` or inside a literal held in a local
/// variable (`release := func() { … }`, followed where it is called) also the function around it.
/// `functionIndices` are the indices in `ancestors` of the function boundaries, innermost last
/// (as `RuleContext.functionAncestorIndices`): no walk up the ancestors, however deep the loops.
public func poolFactFunctions(of ancestors: [Node], functionIndices: [Int]) -> [Node] {
    var result: [Node] = []
    for index in functionIndices.reversed() {
        let function = ancestors[index]
        result.append(function)
        guard function.kind == .funcLiteral, index >= 2 else { break }
        let deferred = ancestors[index - 1].kind == .callExpression && ancestors[index - 2].kind == .deferStatement
        let named = ancestors[index - 1].kind == .expressionList && ancestors[index - 2].kind == .shortVarDeclaration
        guard deferred || named else { break }
    }
    return result
}

/// What the flow analysis of one function found about its pool calls.
public final class PoolFacts {
    /// Start bytes of Put calls that put back a value taken from Get in this function, modified,
    /// and not reset anywhere between.
    public internal(set) var unresetPuts: Set<Int> = []
    /// Put call start byte → the first use of the value (or of an alias of it) after the Put, or
    /// the returned alias / goroutine capture of a deferred Put.
    public internal(set) var usesAfterPut: [Int: UseAfterPut] = [:]
    /// The analysis gave up (nesting too deep): no facts.
    public internal(set) var incomplete = false
}
