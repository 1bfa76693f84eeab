import AlloclintSyntax

/// Identifies a declaration. Local declarations (and the file's imports) are numbered per file,
/// package-level ones per package, builtins globally: compare ids of declarations seen from the
/// same file only.
public struct DeclarationID: Hashable, Sendable, CustomStringConvertible {
    public let raw: Int32
    public var description: String { "decl#\(raw)" }
}

/// What an identifier was declared as.
public enum DeclarationKind: Hashable, Sendable {
    /// `var x`, `x := …`, range and type-switch variables, select `case x := <-ch`.
    case localVar
    case param
    /// A named result.
    case result
    case receiver
    case localConst
    case localType
    /// A type parameter of a generic function, method receiver or type.
    case typeParam
    case packageVar
    case packageConst
    case packageType
    case packageFunc
    /// A method declaration (never found by name lookup; see `GoPackage.method(named:ofType:)`).
    case method
    /// An import's name in this file (`sync`, or the alias of `gosync "sync"`).
    case importName
    /// `int`, `string`, `error`, `any`…
    case builtinType
    /// `len`, `make`, `append`, `new`…
    case builtinFunc
    /// `true`, `false`, `nil`, `iota`.
    case builtinConst

    /// Declared inside a function (params, results, receivers and type parameters included).
    public var isLocal: Bool {
        switch self {
        case .localVar, .param, .result, .receiver, .localConst, .localType, .typeParam: return true
        default: return false
        }
    }

    /// A variable: something that holds a value and can be assigned.
    public var isVariable: Bool {
        switch self {
        case .localVar, .param, .result, .receiver, .packageVar: return true
        default: return false
        }
    }

    public var isPackageLevel: Bool {
        switch self {
        case .packageVar, .packageConst, .packageType, .packageFunc, .method: return true
        default: return false
        }
    }

    public var isType: Bool {
        switch self {
        case .localType, .packageType, .builtinType, .typeParam: return true
        default: return false
        }
    }

    public var isConstant: Bool { self == .localConst || self == .packageConst || self == .builtinConst }
    public var isBuiltin: Bool { self == .builtinType || self == .builtinFunc || self == .builtinConst }
}

/// Where a declared value comes from, when the declaration says it.
public enum DeclarationOrigin {
    case none
    /// `x := expr`, `var x = expr`, `x, y := e1, e2` (each name its own expression).
    case value(Node)
    /// `a, b := f()`, `v, ok := m[k]`, `v, ok := x.(T)`, `v, ok := <-ch`: element `index` of a
    /// multi-valued expression.
    case tupleElement(Node, index: Int)
    /// `for k := range expr` / `for k, _ := range expr`: the key (index) of the ranged expression.
    case rangeKey(Node)
    /// `for _, v := range expr`: the element of the ranged expression.
    case rangeValue(Node)
    /// `switch v := expr.(type) { case T: … }`: the switched expression, and the clause's type when
    /// the clause lists exactly one type (nil in `default` or multi-type clauses: v has expr's type).
    case typeSwitch(Node, caseType: Node?)
}

/// One declared name, as the resolver found it.
public struct Declaration {
    public let id: DeclarationID
    public let kind: DeclarationKind
    /// The declaring identifier (nil for builtins).
    public let nameNode: Node?
    /// The declaring construct: `var_spec`, `const_spec`, `short_var_declaration`, `range_clause`,
    /// `receive_statement`, `type_switch_statement`, `parameter_declaration`,
    /// `variadic_parameter_declaration`, `type_parameter_declaration`, `type_spec`, `type_alias`,
    /// `function_declaration`, `method_declaration`, `import_spec`.
    public let declNode: Node?
    /// The type as written (`var x T`, a parameter's type, a type declaration's right-hand side).
    /// For a variadic parameter `xs ...T` this is `T` and `isVariadic` is set.
    public let typeNode: Node?
    public let isVariadic: Bool
    public let origin: DeclarationOrigin
    /// The innermost function (`function_declaration`, `method_declaration` or `func_literal`) the
    /// declaration belongs to; nil at package level.
    public let function: Node?
    /// The node whose scope holds the declaration (a block, an `if`/`for`/`switch` statement, a
    /// case clause, a function); nil at package level.
    public let scope: Node?
    /// The file the declaration is written in (nil for builtins).
    public private(set) weak var file: GoFile?
    /// For builtins: the name. For imports: nil (use `name`).
    let builtinName: String?
    /// For `.importName`: the import path (`"sync"` without quotes); for dot and blank imports too.
    public let importPath: String?

    /// The initializer expression, if the declaration has one of its own (`x := e`,
    /// `var x = e`), or the multi-valued expression it takes an element of.
    public var initializer: Node? {
        switch origin {
        case .value(let node), .tupleElement(let node, _): return node
        default: return nil
        }
    }

    /// The declared name (allocates: not for hot paths).
    public var name: String {
        if let builtinName { return builtinName }
        guard let nameNode, let file else { return "" }
        return file.tree.text(nameNode)
    }

    /// The same declaration under another id.
    func renumbered(_ raw: Int32) -> Declaration {
        Declaration(id: DeclarationID(raw: raw), kind: kind, nameNode: nameNode, declNode: declNode, typeNode: typeNode,
                    isVariadic: isVariadic, origin: origin, function: function, scope: scope, file: file,
                    builtinName: builtinName, importPath: importPath)
    }
}

extension Declaration: Equatable {
    /// Same declaring identifier, or same builtin.
    public static func == (lhs: Declaration, rhs: Declaration) -> Bool {
        lhs.kind == rhs.kind && lhs.nameNode == rhs.nameNode && lhs.builtinName == rhs.builtinName
            && lhs.origin.caseTypeNode == rhs.origin.caseTypeNode
    }
}

extension DeclarationOrigin {
    var caseTypeNode: Node? {
        if case .typeSwitch(_, let caseType) = self { return caseType }
        return nil
    }
}

/// Go's universe block.
enum Universe {
    static let names: [(name: String, kind: DeclarationKind)] = [
        ("bool", .builtinType), ("byte", .builtinType), ("complex64", .builtinType), ("complex128", .builtinType),
        ("error", .builtinType), ("float32", .builtinType), ("float64", .builtinType), ("int", .builtinType),
        ("int8", .builtinType), ("int16", .builtinType), ("int32", .builtinType), ("int64", .builtinType),
        ("rune", .builtinType), ("string", .builtinType), ("uint", .builtinType), ("uint8", .builtinType),
        ("uint16", .builtinType), ("uint32", .builtinType), ("uint64", .builtinType), ("uintptr", .builtinType),
        ("any", .builtinType), ("comparable", .builtinType),
        ("append", .builtinFunc), ("cap", .builtinFunc), ("clear", .builtinFunc), ("close", .builtinFunc),
        ("complex", .builtinFunc), ("copy", .builtinFunc), ("delete", .builtinFunc), ("imag", .builtinFunc),
        ("len", .builtinFunc), ("make", .builtinFunc), ("max", .builtinFunc), ("min", .builtinFunc),
        ("new", .builtinFunc), ("panic", .builtinFunc), ("print", .builtinFunc), ("println", .builtinFunc),
        ("real", .builtinFunc), ("recover", .builtinFunc),
        ("true", .builtinConst), ("false", .builtinConst), ("nil", .builtinConst), ("iota", .builtinConst),
    ]

    static let index: [String: Int] = {
        var table: [String: Int] = [:]
        for (offset, entry) in names.enumerated() { table[entry.name] = offset }
        return table
    }()

    /// Encoded resolution targets of builtins: `base - index`.
    static let base: Int32 = -1_000_000_000

    static func declaration(_ index: Int) -> Declaration {
        Declaration(
            id: DeclarationID(raw: base - Int32(index)), kind: names[index].kind, nameNode: nil, declNode: nil,
            typeNode: nil, isVariadic: false, origin: .none, function: nil, scope: nil, file: nil,
            builtinName: names[index].name, importPath: nil)
    }
}
