import AlloclintSyntax

// Light types: enough structure to tell what a value is (pointer-shaped, slice, string, struct…),
// to follow fields, elements and results, and to recognise sync.Pool. Inferred from declarations
// and expressions of the package; anything else is `.unknown`, and rules stay silent on unknown.

/// Which basic type a value has, as far as boxing cares.
public enum BasicKind: Hashable, Sendable {
    case bool
    /// byte, uint8, int8: boxed without allocating (the runtime has a static table).
    case byteSized
    /// Every other integer type (int, int64, uint32, rune, uintptr…).
    case integer
    case float
    case complex
}

/// The kind of a value's type.
public enum TypeKind: Hashable, Sendable {
    /// Pointers and unsafe.Pointer.
    case pointer
    case slice
    case string
    case array
    case structValue(zeroSize: Bool)
    case map
    case chan
    case function
    case interface
    case basic(BasicKind)
    case unknown

    /// Stored directly in an interface word: converting to `any` never allocates.
    public var isPointerShaped: Bool {
        switch self {
        case .pointer, .map, .chan, .function: return true
        default: return false
        }
    }

    public var isKnown: Bool { self != .unknown }
}

/// How a value is stored when converted to an interface.
public enum ValueLayout: Hashable, Sendable {
    /// Occupies no memory: boxing points at a shared zero value.
    case zeroSize
    /// One pointer-shaped word (a pointer, map, chan, func, or a struct/array of exactly one): stored
    /// directly in the interface.
    case pointerShaped
    /// Anything else: boxing copies it to the heap (except small constants and the runtime's
    /// special cases).
    case other
    case unknown
}

/// A type as written in some file of the package.
public struct TypeSource {
    public let node: Node
    public private(set) weak var file: GoFile?

    init(_ node: Node, _ file: GoFile?) {
        self.node = node
        self.file = file
    }
}

/// A named type.
public enum NamedType {
    /// Declared in the package (or locally in a function).
    case declared(Declaration)
    /// Declared in another package, e.g. `sync.Pool` is `external(path: "sync", name: "Pool")`.
    case external(path: String, name: String)
}

public indirect enum GoType {
    case unknown
    case basic(BasicKind)
    case string
    case pointer(GoType)
    case slice(GoType)
    case array(GoType, length: Int?)
    case map(key: GoType, value: GoType)
    case chan(GoType)
    /// A function value; the source is a `function_type`, `func_literal`, `function_declaration`
    /// or `method_declaration` when known (for its results).
    case function(TypeSource?)
    case interface
    /// A struct; the source is its `struct_type` (nil when declared outside the package).
    case structure(TypeSource?)
    case named(NamedType)
    /// The results of a call returning several values.
    case tuple([GoType])

    public var isUnknown: Bool {
        if case .unknown = self { return true }
        return false
    }

    /// `external(path, name)` for a named type of another package.
    public var externalName: (path: String, name: String)? {
        if case .named(.external(let path, let name)) = self { return (path, name) }
        return nil
    }

    /// The pointee of a pointer type.
    public var pointee: GoType? {
        if case .pointer(let inner) = self { return inner }
        return nil
    }

    /// Whether this is `sync.Pool` (not a pointer to it).
    public var isSyncPool: Bool {
        if let name = externalName { return name.path == "sync" && name.name == "Pool" }
        return false
    }
}

/// The limit of nested steps a type query follows (types and expressions nested deeper, and
/// cycles, give `.unknown`): bounds the Swift stack whatever the input.
let typeDepthLimit = 48

// MARK: - Type inference

/// Type queries made from one file (its resolution for its own nodes; package-level lookups for
/// nodes of the package's other files).
struct TypeEngine {
    let file: GoFile
    let analysis: FileAnalysis
    /// False for a file of another package read only for its declarations: its function bodies
    /// are parsed apart (`withBody`), so names there resolve at package level, as in the other
    /// files of a package.
    let resolvesLocals: Bool

    init(file: GoFile, resolvesLocals: Bool = true) {
        self.file = file
        self.analysis = file.analysis
        self.resolvesLocals = resolvesLocals
    }

    var scope: PackageScope { analysis.packageScope }

    // MARK: Names

    /// The declaration of an identifier-like node written in `owner`.
    func resolve(_ node: Node, in owner: GoFile?) -> Declaration? {
        guard let owner else { return nil }
        if owner === file, resolvesLocals { return analysis.resolve(node) }
        // Another file of the package: package-level names only (types and signatures there
        // cannot refer to locals).
        let name = owner.tree.text(node)
        if let path = scope.importPath(name, in: owner) {
            return Declaration(id: DeclarationID(raw: -1), kind: .importName, nameNode: nil, declNode: nil, typeNode: nil,
                               isVariadic: false, origin: .none, function: nil, scope: nil, file: owner,
                               builtinName: name, importPath: path)
        }
        if let declaration = scope.lookup(name) { return declaration }
        if let index = Universe.index[name] { return Universe.declaration(index) }
        return nil
    }

    func text(_ node: Node, _ owner: GoFile?) -> String { owner?.tree.text(node) ?? "" }

    func textEquals(_ node: Node, _ owner: GoFile?, _ expected: StaticString) -> Bool {
        owner?.tree.textEquals(node, expected) ?? false
    }

    // MARK: Types as written

    /// The type denoted by a type expression (or an expression used as a type, as in `T(x)`).
    func type(fromTypeNode node: Node, in owner: GoFile?, depth: Int = 0) -> GoType {
        guard depth < typeDepthLimit, let owner else { return .unknown }
        let kind = node.kind
        if kind == .typeIdentifier || kind == .identifier {
            guard let declaration = resolve(node, in: owner) else {
                // A dot import may provide it.
                let name = owner.tree.text(node)
                for path in scope.dotImports(in: owner) where StandardLibrary.types["\(path).\(name)"] != nil {
                    return .named(.external(path: path, name: name))
                }
                return .unknown
            }
            return type(named: declaration)
        }
        if kind == .qualifiedType || kind == .selectorExpression {
            let qualifier = kind == .qualifiedType ? node.child(.package) : node.child(.operand)
            let member = kind == .qualifiedType ? node.child(.name) : node.child(.field)
            guard let qualifier, let member, let declaration = resolve(qualifier, in: owner),
                  declaration.kind == .importName, let path = declaration.importPath else { return .unknown }
            return .named(.external(path: path, name: owner.tree.text(member)))
        }
        if kind == .pointerType || (kind == .unaryExpression && node.child(.operator).map { textEquals($0, owner, "*") } == true) {
            guard let inner = kind == .pointerType ? node.namedChild(at: 0) : node.child(.operand) else { return .unknown }
            return .pointer(type(fromTypeNode: inner, in: owner, depth: depth + 1))
        }
        if kind == .sliceType {
            return .slice(node.child(.element).map { type(fromTypeNode: $0, in: owner, depth: depth + 1) } ?? .unknown)
        }
        if kind == .arrayType || kind == .implicitLengthArrayType {
            let element = node.child(.element).map { type(fromTypeNode: $0, in: owner, depth: depth + 1) } ?? .unknown
            var length: Int?
            if let lengthNode = node.child(.length), lengthNode.kind == .intLiteral {
                length = Int(owner.tree.text(lengthNode).replacingOccurrences(of: "_", with: ""))
            }
            return .array(element, length: length)
        }
        if kind == .mapType {
            return .map(key: node.child(.key).map { type(fromTypeNode: $0, in: owner, depth: depth + 1) } ?? .unknown,
                        value: node.child(.value).map { type(fromTypeNode: $0, in: owner, depth: depth + 1) } ?? .unknown)
        }
        if kind == .channelType {
            return .chan(node.child(.value).map { type(fromTypeNode: $0, in: owner, depth: depth + 1) } ?? .unknown)
        }
        if kind == .functionType { return .function(TypeSource(node, owner)) }
        if kind == .interfaceType { return .interface }
        if kind == .structType { return .structure(TypeSource(node, owner)) }
        if kind == .genericType, let inner = node.child(.type) { return type(fromTypeNode: inner, in: owner, depth: depth + 1) }
        if kind == .parenthesizedType || kind == .parenthesizedExpression, let inner = node.namedChild(at: 0) {
            return type(fromTypeNode: inner, in: owner, depth: depth + 1)
        }
        return .unknown
    }

    /// The type a type declaration (or builtin type) names.
    func type(named declaration: Declaration) -> GoType {
        switch declaration.kind {
        case .builtinType: return StandardLibrary.builtinType(declaration.name)
        case .packageType, .localType: return .named(.declared(declaration))
        default: return .unknown
        }
    }

    // MARK: Underlying types and kinds

    /// Follows named types to their definition.
    func underlying(_ type: GoType, depth: Int = 0) -> GoType {
        var current = type
        for _ in 0..<16 {
            guard case .named(let named) = current else { return current }
            switch named {
            case .declared(let declaration):
                guard let typeNode = declaration.typeNode else { return .unknown }
                current = self.type(fromTypeNode: typeNode, in: declaration.file, depth: depth + 1)
            case .external(let path, let name):
                return StandardLibrary.types["\(path).\(name)"] ?? .unknown
            }
        }
        return .unknown
    }

    func kind(of type: GoType) -> TypeKind {
        switch underlying(type) {
        case .unknown, .named, .tuple: return .unknown
        case .basic(let basic): return .basic(basic)
        case .string: return .string
        case .pointer: return .pointer
        case .slice: return .slice
        case .array: return .array
        case .map: return .map
        case .chan: return .chan
        case .function: return .function
        case .interface: return .interface
        case .structure: return .structValue(zeroSize: layout(of: type) == .zeroSize)
        }
    }

    func layout(of type: GoType, depth: Int = 0) -> ValueLayout {
        guard depth < 8 else { return .unknown }
        switch underlying(type) {
        case .unknown, .named, .tuple: return .unknown
        case .pointer, .map, .chan, .function: return .pointerShaped
        case .basic, .string, .slice, .interface: return .other
        case .array(let element, let length):
            guard let length else { return .unknown }
            if length == 0 { return .zeroSize }
            let inner = layout(of: element, depth: depth + 1)
            if inner == .zeroSize || inner == .unknown { return inner }
            return length == 1 ? inner : .other
        case .structure(let source):
            guard let source else { return .other }
            let fields = structFields(source)
            if fields.isEmpty { return .zeroSize }
            var layouts: [ValueLayout] = []
            for field in fields {
                layouts.append(layout(of: self.type(fromTypeNode: field.type, in: source.file, depth: depth + 1), depth: depth + 1))
            }
            if layouts.contains(.unknown) {
                // A struct of several fields is never stored directly in an interface word, and one
                // field that takes room is enough to make it take room, whatever the others are.
                let takesRoom = layouts.contains { $0 == .pointerShaped || $0 == .other }
                return layouts.count > 1 && takesRoom ? .other : .unknown
            }
            if layouts.allSatisfy({ $0 == .zeroSize }) { return .zeroSize }
            if layouts.count == 1 && layouts[0] == .pointerShaped { return .pointerShaped }
            return .other
        }
    }

    // MARK: Fields and methods

    struct Field {
        /// The field's name node (nil when embedded).
        var name: Node?
        var type: Node
        var embedded: Bool
    }

    /// The fields of a `struct_type`, one entry per name.
    func structFields(_ source: TypeSource) -> [Field] {
        var fields: [Field] = []
        source.node.forEachChild { list in
            guard list.kind == .fieldDeclarationList else { return }
            list.forEachChild { declaration in
                guard declaration.kind == .fieldDeclaration, let type = declaration.child(.type) else { return }
                let names = declaration.children(.name)
                if names.isEmpty {
                    fields.append(Field(name: nil, type: type, embedded: true))
                } else {
                    for name in names { fields.append(Field(name: name, type: type, embedded: false)) }
                }
            }
        }
        return fields
    }

    /// The name an embedded field is accessed by (`Pool` for `sync.Pool` or `*sync.Pool`).
    func embeddedName(_ type: Node, _ owner: GoFile?) -> String? {
        var node = type
        for _ in 0..<4 {
            switch node.kind {
            case .pointerType: guard let inner = node.namedChild(at: 0) else { return nil }; node = inner
            case .genericType: guard let inner = node.child(.type) else { return nil }; node = inner
            case .qualifiedType: return node.child(.name).map { text($0, owner) }
            case .typeIdentifier: return text(node, owner)
            default: return nil
            }
        }
        return nil
    }

    /// The struct behind a value of `type` (through one pointer), if known.
    func structSource(_ type: GoType) -> TypeSource? {
        var base = underlying(type)
        if case .pointer(let inner) = base { base = underlying(inner) }
        if case .structure(let source) = base { return source }
        return nil
    }

    /// The type of field `name` of a value of `type` (through pointers and embedded fields).
    func fieldType(_ type: GoType, _ name: String, depth: Int = 0) -> GoType? {
        guard depth < 4, let source = structSource(type) else { return nil }
        let fields = structFields(source)
        for field in fields {
            if let nameNode = field.name, text(nameNode, source.file) == name {
                return self.type(fromTypeNode: field.type, in: source.file)
            }
            if field.embedded, embeddedName(field.type, source.file) == name {
                return self.type(fromTypeNode: field.type, in: source.file)
            }
        }
        for field in fields where field.embedded {
            if let found = fieldType(self.type(fromTypeNode: field.type, in: source.file), name, depth: depth + 1) { return found }
        }
        return nil
    }

    /// The named type whose method `name` a value of `type` calls: a method declared in the package,
    /// a known method of a standard-library type, or one promoted from an embedded field. Nil if
    /// unknown.
    func methodOwner(_ type: GoType, _ name: String, depth: Int = 0) -> GoType? {
        guard depth < 4 else { return nil }
        var base = type
        if case .pointer(let inner) = base { base = inner }
        if case .named(let named) = base {
            switch named {
            case .declared(let declaration):
                if declaration.kind == .packageType, scope.method(named: name, ofType: declaration.name) != nil { return base }
            case .external(let path, let typeName):
                if StandardLibrary.methods["\(path).\(typeName).\(name)"] != nil { return base }
            }
        }
        guard let source = structSource(base) else { return nil }
        for field in structFields(source) where field.embedded {
            if let owner = methodOwner(self.type(fromTypeNode: field.type, in: source.file), name, depth: depth + 1) {
                return owner
            }
        }
        return nil
    }

    /// The results of a function-like node (declaration, literal or function type).
    func results(of source: TypeSource) -> GoType {
        guard let result = source.node.child(.result) else { return .tuple([]) }
        guard result.kind == .parameterList else { return type(fromTypeNode: result, in: source.file) }
        var types: [GoType] = []
        result.forEachChild { parameter in
            guard parameter.kind == .parameterDeclaration, let typeNode = parameter.child(.type) else { return }
            let resolved = type(fromTypeNode: typeNode, in: source.file)
            for _ in 0..<max(1, parameter.children(.name).count) { types.append(resolved) }
        }
        return types.count == 1 ? types[0] : .tuple(types)
    }

    // MARK: Values

    /// The type of the value a declaration declares (unknown for types, packages and builtins other
    /// than constants).
    func type(of declaration: Declaration, depth: Int = 0) -> GoType {
        let key = declaration.id.raw
        let cacheable = declaration.file === file && declaration.kind != .importName
        if cacheable, let cached = analysis.declarationTypes[key] { return cached }
        if cacheable { analysis.declarationTypes[key] = .unknown }  // cycle guard
        let result = computeType(of: declaration, depth: depth)
        if cacheable { analysis.declarationTypes[key] = result }
        return result
    }

    private func computeType(of declaration: Declaration, depth: Int) -> GoType {
        guard depth < typeDepthLimit else { return .unknown }
        switch declaration.kind {
        case .builtinType, .packageType, .localType, .typeParam, .importName, .builtinFunc:
            return .unknown
        case .packageFunc, .method:
            return .function(declaration.declNode.map { TypeSource($0, declaration.file) })
        case .builtinConst:
            switch declaration.name {
            case "true", "false": return .basic(.bool)
            case "iota": return .basic(.integer)
            default: return .unknown
            }
        default:
            break
        }
        let owner = declaration.file
        if let typeNode = declaration.typeNode {
            let written = type(fromTypeNode: typeNode, in: owner, depth: depth + 1)
            return declaration.isVariadic ? .slice(written) : written
        }
        switch declaration.origin {
        case .none:
            return .unknown
        case .value(let expression):
            return type(of: expression, in: owner, depth: depth + 1)
        case .tupleElement(let expression, let index):
            return tupleElement(expression, index, owner, depth: depth + 1)
        case .rangeKey(let expression):
            switch underlying(type(of: expression, in: owner, depth: depth + 1)) {
            case .slice, .array, .string: return .basic(.integer)
            case .pointer(let inner):
                if case .array = underlying(inner) { return .basic(.integer) }
                return .unknown
            case .map(let key, _): return key
            case .chan(let element): return element
            case .basic(.integer): return .basic(.integer)
            default: return .unknown
            }
        case .rangeValue(let expression):
            switch underlying(type(of: expression, in: owner, depth: depth + 1)) {
            case .slice(let element), .array(let element, _): return element
            case .string: return .basic(.integer)
            case .map(_, let value): return value
            case .pointer(let inner):
                if case .array(let element, _) = underlying(inner) { return element }
                return .unknown
            default: return .unknown
            }
        case .typeSwitch(let expression, let caseType):
            if let caseType { return type(fromTypeNode: caseType, in: owner, depth: depth + 1) }
            return type(of: expression, in: owner, depth: depth + 1)
        }
    }

    func tupleElement(_ expression: Node, _ index: Int, _ owner: GoFile?, depth: Int) -> GoType {
        var node = expression
        while node.kind == .parenthesizedExpression, let inner = node.namedChild(at: 0) { node = inner }
        let kind = node.kind
        if kind == .indexExpression || kind == .typeAssertionExpression || kind == .unaryExpression {
            // Comma-ok forms.
            return index == 0 ? type(of: node, in: owner, depth: depth) : .basic(.bool)
        }
        let whole = type(of: node, in: owner, depth: depth)
        if case .tuple(let elements) = whole { return index < elements.count ? elements[index] : .unknown }
        return .unknown
    }

    /// The type of an expression written in `owner` (this file unless said otherwise).
    func type(of expression: Node, in owner: GoFile?, depth: Int = 0) -> GoType {
        guard depth < typeDepthLimit, let owner else { return .unknown }
        let next = depth + 1
        let kind = expression.kind
        switch kind {
        case .parenthesizedExpression, .literalElement:
            guard let inner = expression.namedChild(at: 0) else { return .unknown }
            return type(of: inner, in: owner, depth: next)
        case .identifier:
            guard let declaration = resolve(expression, in: owner) else { return .unknown }
            return type(of: declaration, depth: next)
        case .intLiteral, .runeLiteral, .iota:
            return .basic(.integer)
        case .floatLiteral:
            return .basic(.float)
        case .imaginaryLiteral:
            return .basic(.complex)
        case .interpretedStringLiteral, .rawStringLiteral:
            return .string
        case .true, .false:
            return .basic(.bool)
        case .compositeLiteral:
            return expression.child(.type).map { type(fromTypeNode: $0, in: owner, depth: next) } ?? .unknown
        case .funcLiteral:
            return .function(TypeSource(expression, owner))
        case .typeAssertionExpression, .typeConversionExpression:
            return expression.child(.type).map { type(fromTypeNode: $0, in: owner, depth: next) } ?? .unknown
        case .unaryExpression:
            guard let operand = expression.child(.operand), let op = expression.child(.operator) else { return .unknown }
            if textEquals(op, owner, "&") { return .pointer(type(of: operand, in: owner, depth: next)) }
            if textEquals(op, owner, "*") {
                if case .pointer(let inner) = underlying(type(of: operand, in: owner, depth: next)) { return inner }
                return .unknown
            }
            if textEquals(op, owner, "<-") {
                if case .chan(let element) = underlying(type(of: operand, in: owner, depth: next)) { return element }
                return .unknown
            }
            if textEquals(op, owner, "!") { return .basic(.bool) }
            return type(of: operand, in: owner, depth: next)
        case .binaryExpression:
            guard let op = expression.child(.operator) else { return .unknown }
            for comparison: StaticString in ["==", "!=", "<", "<=", ">", ">=", "&&", "||"] where textEquals(op, owner, comparison) {
                return .basic(.bool)
            }
            let left = expression.child(.left).map { type(of: $0, in: owner, depth: next) } ?? .unknown
            if !left.isUnknown || textEquals(op, owner, "<<") || textEquals(op, owner, ">>") { return left }
            return expression.child(.right).map { type(of: $0, in: owner, depth: next) } ?? .unknown
        case .callExpression:
            return callType(expression, owner, depth: next)
        case .selectorExpression:
            guard let operand = expression.child(.operand), let field = expression.child(.field) else { return .unknown }
            if operand.kind == .identifier, let declaration = resolve(operand, in: owner), declaration.kind == .importName {
                let key = "\(declaration.importPath ?? "").\(text(field, owner))"
                return StandardLibrary.variables[key] ?? .unknown
            }
            return memberType(of: type(of: operand, in: owner, depth: next), named: text(field, owner))
        case .indexExpression:
            guard let operand = expression.child(.operand) else { return .unknown }
            switch underlying(type(of: operand, in: owner, depth: next)) {
            case .slice(let element), .array(let element, _): return element
            case .string: return .basic(.byteSized)
            case .map(_, let value): return value
            case .pointer(let inner):
                if case .array(let element, _) = underlying(inner) { return element }
                return .unknown
            default: return .unknown
            }
        case .sliceExpression:
            guard let operand = expression.child(.operand) else { return .unknown }
            let base = type(of: operand, in: owner, depth: next)
            switch underlying(base) {
            case .string, .slice: return base
            case .array(let element, _): return .slice(element)
            case .pointer(let inner):
                if case .array(let element, _) = underlying(inner) { return .slice(element) }
                return .unknown
            default: return .unknown
            }
        default:
            return .unknown
        }
    }

    /// The type of `x.name` for a value `x` of type `base`: a field, or a method declared in the
    /// package (as a function value).
    func memberType(of base: GoType, named name: String) -> GoType {
        if let fieldType = fieldType(base, name) { return fieldType }
        if let methodOwner = methodOwner(base, name), case .named(.declared(let declaration)) = methodOwner,
           let method = scope.method(named: name, ofType: declaration.name) {
            return .function(method.declNode.map { TypeSource($0, method.file) })
        }
        return .unknown
    }

    /// Whether an expression denotes a type (so a call of it is a conversion). Parentheses and `*`
    /// nest without limit in hostile input, so they are peeled in a loop, not by recursion.
    func denotesType(_ node: Node, _ owner: GoFile?) -> Bool {
        var node = node
        while true {
            switch node.kind {
            case .identifier, .typeIdentifier:
                return resolve(node, in: owner)?.kind.isType ?? false
            case .sliceType, .arrayType, .mapType, .pointerType, .channelType, .functionType, .interfaceType,
                 .structType, .qualifiedType, .genericType:
                return true
            case .parenthesizedExpression, .parenthesizedType:
                guard let inner = node.namedChild(at: 0) else { return false }
                node = inner
            case .unaryExpression:
                guard let op = node.child(.operator), textEquals(op, owner, "*"), let operand = node.child(.operand) else { return false }
                node = operand
            case .selectorExpression:
                guard let operand = node.child(.operand), operand.kind == .identifier,
                      let declaration = resolve(operand, in: owner), declaration.kind == .importName,
                      let field = node.child(.field) else { return false }
                return StandardLibrary.types["\(declaration.importPath ?? "").\(text(field, owner))"] != nil
            default:
                return false
            }
        }
    }

    func callType(_ call: Node, _ owner: GoFile?, depth: Int) -> GoType {
        guard let function = call.child(.function) else { return .unknown }
        let arguments = call.child(.arguments)?.namedChildren.filter { $0.kind != .comment } ?? []
        if function.kind == .identifier, let declaration = resolve(function, in: owner) {
            if declaration.kind == .builtinFunc {
                switch declaration.name {
                case "len", "cap", "copy": return .basic(.integer)
                case "make": return arguments.first.map { type(fromTypeNode: $0, in: owner, depth: depth) } ?? .unknown
                case "new": return arguments.first.map { .pointer(type(fromTypeNode: $0, in: owner, depth: depth)) } ?? .unknown
                case "append", "min", "max": return arguments.first.map { type(of: $0, in: owner, depth: depth) } ?? .unknown
                case "complex": return .basic(.complex)
                case "real", "imag": return .basic(.float)
                case "recover": return .interface
                default: return .unknown
                }
            }
            if declaration.kind.isType { return type(named: declaration) }
            if declaration.kind == .packageFunc, let node = declaration.declNode {
                return results(of: TypeSource(node, declaration.file))
            }
        }
        if denotesType(function, owner) { return type(fromTypeNode: function, in: owner, depth: depth) }
        if function.kind == .selectorExpression, let operand = function.child(.operand), let field = function.child(.field) {
            let name = text(field, owner)
            if operand.kind == .identifier, let declaration = resolve(operand, in: owner), declaration.kind == .importName {
                return StandardLibrary.functions["\(declaration.importPath ?? "").\(name)"] ?? .unknown
            }
            let receiver = type(of: operand, in: owner, depth: depth)
            if let methodOwner = methodOwner(receiver, name) {
                switch methodOwner {
                case .named(.declared(let declaration)):
                    if let method = scope.method(named: name, ofType: declaration.name), let node = method.declNode {
                        return results(of: TypeSource(node, method.file))
                    }
                case .named(.external(let path, let typeName)):
                    return StandardLibrary.methods["\(path).\(typeName).\(name)"] ?? .unknown
                default:
                    break
                }
            }
            if name == "Error", case .interface = underlying(receiver), isErrorType(receiver) { return .string }
            // Not `type(of: function)`: that would type the receiver again, and each call of a
            // chain `a.b().c().d()…` would double the work of the one before.
            if case .function(let source?) = underlying(memberType(of: receiver, named: name)) { return results(of: source) }
            return .unknown
        }
        if case .function(let source?) = underlying(type(of: function, in: owner, depth: depth)) {
            return results(of: source)
        }
        return .unknown
    }

    private func isErrorType(_ type: GoType) -> Bool {
        if case .named(.external(let path, let name)) = type { return path.isEmpty && name == "error" }
        return false
    }
}

// MARK: - Public API

extension GoFile {
    /// The light type of an expression of this file (`.unknown` when not evident).
    public func type(of expression: Node) -> GoType { TypeEngine(file: self).type(of: expression, in: self) }

    /// The kind of an expression's type.
    public func typeKind(of expression: Node) -> TypeKind {
        let engine = TypeEngine(file: self)
        return engine.kind(of: engine.type(of: expression, in: self))
    }

    /// The type of the value a declaration declares.
    public func type(of declaration: Declaration) -> GoType { TypeEngine(file: self).type(of: declaration) }

    /// The kind of the type of the value a declaration declares.
    public func typeKind(of declaration: Declaration) -> TypeKind {
        let engine = TypeEngine(file: self)
        return engine.kind(of: engine.type(of: declaration))
    }

    /// The type a type expression of this file denotes.
    public func type(fromTypeNode node: Node) -> GoType { TypeEngine(file: self).type(fromTypeNode: node, in: self) }

    /// The kind of a type.
    public func kind(of type: GoType) -> TypeKind { TypeEngine(file: self).kind(of: type) }

    /// The type behind named types.
    public func underlying(_ type: GoType) -> GoType { TypeEngine(file: self).underlying(type) }

    /// How a value of `type` is stored in an interface.
    public func layout(of type: GoType) -> ValueLayout { TypeEngine(file: self).layout(of: type) }

    /// The type of field `name` of a value of `type` (through a pointer and embedded fields).
    public func fieldType(of type: GoType, named name: String) -> GoType? { TypeEngine(file: self).fieldType(type, name) }

    /// The named type declaring the method `name` called on a value of `type` (promotion included).
    public func methodOwner(of type: GoType, named name: String) -> GoType? { TypeEngine(file: self).methodOwner(type, name) }
}
