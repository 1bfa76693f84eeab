import AlloclintSyntax
import Foundation

// What converting a value to an interface (passing it as `any`) costs, as the Go compiler
// decides it (cmd/compile/internal/walk: dataWord, and order's static composite literals).

/// Whether an expression is a Go constant. Converting a constant to an interface never
/// allocates: the compiler lays the value out in read-only data. (Composite literals are not
/// constants: even made of constants, Go copies them when boxing.)
public enum Constness: Equatable {
    case constant
    /// Computed at run time (a variable, a call, an index, a composite literal…).
    case notConstant
    /// Cannot tell, e.g. `pkg.Name` of an imported package (a constant or a variable).
    case unknown
}

/// What converting a value to an interface costs.
public enum BoxingCost: Equatable {
    /// Never allocates: constants, pointer-shaped values (pointers, maps, chans, funcs), zero-size
    /// values, bools and single-byte integers (the runtime's static table), interfaces.
    case free
    /// The value is copied to the heap (`runtime.convT*`) whenever the interface escapes.
    case copies(TypeKind)
    /// The type, or whether the value is static, is not known.
    case unknown
}

extension GoFile {
    /// Whether an expression of this file is a constant. Walks the expression iteratively.
    public func constness(of expression: Node) -> Constness {
        var walk = ConstnessWalk(file: self)
        return walk.run(expression)
    }

    /// What converting an expression of this file to an interface costs.
    public func boxingCost(of expression: Node) -> BoxingCost {
        switch constness(of: expression) {
        case .constant: return .free
        case .unknown: return .unknown
        case .notConstant: break
        }
        let engine = TypeEngine(file: self)
        let type = engine.type(of: expression, in: self)
        let kind = engine.kind(of: type)
        switch kind {
        case .unknown:
            return .unknown
        case .pointer, .map, .chan, .function, .interface, .basic(.bool), .basic(.byteSized):
            return .free
        case .structValue, .array:
            switch engine.layout(of: type) {
            case .zeroSize, .pointerShaped: return .free
            case .unknown: return .unknown
            case .other: return engine.isOneByteWrapper(type) ? .free : .copies(kind)
            }
        case .slice, .string, .basic:
            return .copies(kind)
        }
    }

    /// Whether a type expression denotes the empty interface: `interface{}` or the builtin `any`
    /// (not shadowed), and with `followingNames`, also a type declared as one (`type Payload
    /// interface{}`, `type Message = any`). `owner` is the file the type is written in (another
    /// file of the package: only package-level names resolve there).
    public func isEmptyInterface(_ typeNode: Node, writtenIn owner: GoFile? = nil, followingNames: Bool) -> Bool {
        let engine = TypeEngine(file: self)
        return EmptyInterface.isDenoted(by: typeNode, in: owner ?? self, followingNames: followingNames) {
            engine.resolve($0, in: $1)
        }
    }

    /// The type a type expression written in `owner` (this file or another of the package)
    /// denotes.
    public func type(fromTypeNode node: Node, writtenIn owner: GoFile) -> GoType {
        TypeEngine(file: self).type(fromTypeNode: node, in: owner)
    }
}

extension TypeEngine {
    /// A struct of one field or an array of one element whose only component is a bool or a
    /// single-byte integer: the runtime boxes it like that byte, from its static table.
    func isOneByteWrapper(_ type: GoType) -> Bool {
        var current = underlying(type)
        for _ in 0..<8 {
            switch current {
            case .basic(.bool), .basic(.byteSized):
                return true
            case .array(let element, length: 1):
                current = underlying(element)
            case .structure(let source?):
                let fields = structFields(source)
                guard fields.count == 1 else { return false }
                current = underlying(self.type(fromTypeNode: fields[0].type, in: source.file))
            default:
                return false
            }
        }
        return false
    }
}

extension PackageScope {
    /// Whether a package-level function or a method of the package called `name` has a parameter
    /// of an empty-interface type (`any`, `interface{}`, a package type declared as one). Matches
    /// by name only, without resolving: a cheap filter before resolving a call. Answered once
    /// per name.
    public func hasEmptyInterfaceParameter(named name: ArraySlice<UInt8>) -> Bool {
        emptyInterfaceCallables.contains(name, in: self)
    }
}

/// The answers of `PackageScope.hasEmptyInterfaceParameter(named:)`, by name, thread-safe.
final class EmptyInterfaceCallables {
    private var answers: [ArraySlice<UInt8>: Bool] = [:]
    private let lock = NSLock()

    func contains(_ name: ArraySlice<UInt8>, in scope: PackageScope) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let known = answers[name] { return known }
        let answer = Self.hasEmptyInterfaceParameter(String(decoding: name, as: UTF8.self), in: scope)
        answers[ArraySlice(Array(name))] = answer  // a copy: the caller's file may go before the package
        return answer
    }

    private static func hasEmptyInterfaceParameter(_ name: String, in scope: PackageScope) -> Bool {
        // Signatures of package-level declarations refer to package-level names only.
        let resolve = { (node: Node, owner: GoFile) -> Declaration? in
            let text = owner.tree.text(node)
            return scope.lookup(text) ?? Universe.index[text].map(Universe.declaration)
        }
        return scope.callables(named: name).contains { declaration in
            guard let file = declaration.file, let parameters = declaration.declNode?.child(.parameters) else { return false }
            var found = false
            parameters.forEachChild { parameter in
                guard !found, parameter.kind == .parameterDeclaration || parameter.kind == .variadicParameterDeclaration,
                      let type = parameter.child(.type) else { return }
                found = EmptyInterface.isDenoted(by: type, in: file, followingNames: true, resolve: resolve)
            }
            return found
        }
    }
}

enum EmptyInterface {
    /// Whether `typeNode`, written in `file`, denotes the empty interface, resolving names with
    /// `resolve`; with `followingNames`, through the types they declare (a few steps).
    static func isDenoted(by typeNode: Node, in file: GoFile, followingNames: Bool,
                          resolve: (Node, GoFile) -> Declaration?) -> Bool {
        var node = typeNode
        var current = file
        for _ in 0..<8 {
            let kind = node.kind
            if kind == .interfaceType {
                var hasElements = false
                node.forEachChild { if $0.isNamed && $0.kind != .comment { hasElements = true } }
                return !hasElements
            }
            if kind == .parenthesizedType, let inner = node.namedChild(at: 0) {
                node = inner
                continue
            }
            guard kind == .typeIdentifier || kind == .identifier else { return false }
            // Without names to follow, only `any` can be the empty interface: no need to resolve.
            guard followingNames || current.tree.textEquals(node, "any"), let declaration = resolve(node, current) else {
                return false
            }
            if declaration.kind == .builtinType { return current.tree.textEquals(node, "any") }
            guard followingNames, declaration.kind == .packageType || declaration.kind == .localType,
                  let next = declaration.typeNode, let nextFile = declaration.file else { return false }
            node = next
            current = nextFile
        }
        return false
    }
}

/// One constness query: a pre-order walk in which every leaf must be a constant, through
/// operators, conversions to basic types and constant-folded builtins.
private struct ConstnessWalk {
    let file: GoFile
    let engine: TypeEngine
    /// Start bytes of nodes their parent already judged: the type of a conversion, the callee of
    /// a builtin.
    var skipped: Set<Int> = []
    var result = Constness.constant

    init(file: GoFile) {
        self.file = file
        engine = TypeEngine(file: file)
    }

    mutating func run(_ expression: Node) -> Constness {
        expression.walk { node in visit(node) }
        return result
    }

    private mutating func notConstant() -> WalkAction {
        result = .notConstant
        return .stop
    }

    private mutating func unknown() -> WalkAction {
        result = .unknown
        return .skipChildren
    }

    private mutating func visit(_ node: Node) -> WalkAction {
        if !node.isNamed || skipped.contains(node.startByte) { return .skipChildren }
        switch node.kind {
        case .intLiteral, .floatLiteral, .imaginaryLiteral, .runeLiteral, .interpretedStringLiteral, .rawStringLiteral,
             .true, .false, .nil, .iota, .comment:
            return .skipChildren
        case .parenthesizedExpression, .binaryExpression, .argumentList:
            return .visitChildren
        case .unaryExpression:
            guard let op = node.child(.operator) else { return unknown() }
            for addressOperator: StaticString in ["&", "*", "<-"] where file.tree.textEquals(op, addressOperator) {
                return notConstant()
            }
            return .visitChildren
        case .identifier:
            guard let declaration = file.resolve(node) else { return unknown() }
            return declaration.kind.isConstant ? .skipChildren : notConstant()
        case .selectorExpression:
            guard let operand = node.child(.operand), let field = node.child(.field), operand.kind == .identifier,
                  let path = file.importPath(ofQualifier: operand) else { return notConstant() }
            // `pkg.Name`: a known variable, else possibly a constant.
            return StandardLibrary.variables["\(path).\(file.tree.text(field))"] != nil ? notConstant() : unknown()
        case .callExpression:
            return visitCall(node)
        case .typeConversionExpression:
            guard let type = node.child(.type) else { return unknown() }
            return visitConversion(to: type)
        default:
            return notConstant()
        }
    }

    /// A conversion `T(x)` is constant when T is a basic or string type and x is constant.
    private mutating func visitConversion(to type: Node) -> WalkAction {
        switch engine.kind(of: engine.type(fromTypeNode: type, in: file)) {
        case .basic, .string:
            skipped.insert(type.startByte)
            return .visitChildren
        case .unknown:
            return unknown()
        default:
            return notConstant()
        }
    }

    private mutating func visitCall(_ call: Node) -> WalkAction {
        guard let function = call.child(.function) else { return unknown() }
        if engine.denotesType(function, file) { return visitConversion(to: function) }
        if function.kind == .selectorExpression, let operand = function.child(.operand), operand.kind == .identifier,
           file.importPath(ofQualifier: operand) == "unsafe" {
            return .skipChildren  // Sizeof, Alignof, Offsetof are constants
        }
        guard function.kind == .identifier, let declaration = file.resolve(function), declaration.kind == .builtinFunc else {
            return notConstant()
        }
        for folded: StaticString in ["len", "cap"] where file.tree.textEquals(function, folded) {
            // The length of an array (or of a pointer to one) is a constant.
            if let argument = call.child(.arguments)?.namedChild(at: 0) {
                var type = engine.underlying(engine.type(of: argument, in: file))
                if let pointee = type.pointee { type = engine.underlying(pointee) }
                if case .array = type { return .skipChildren }
            }
            skipped.insert(function.startByte)
            return .visitChildren
        }
        for folded: StaticString in ["real", "imag", "complex", "min", "max"] where file.tree.textEquals(function, folded) {
            skipped.insert(function.startByte)
            return .visitChildren
        }
        return notConstant()
    }
}
