import AlloclintAnalysis
import AlloclintSyntax

/// `interface-param`: a function or method declaration with a parameter written `interface{}` or
/// `any` (variadic included). Every call converts a non-pointer argument to an interface, which
/// heap-allocates a copy as soon as the parameter escapes. Type parameters, named interfaces,
/// `any` inside another type, func literals and the signatures standard interfaces dictate are
/// not flagged.
struct InterfaceParamRule: Rule {
    static let id = "interface-param"
    static let kinds: [NodeKind] = [.functionDeclaration, .methodDeclaration]

    init(options: RuleOptions) {}

    func visit(_ declaration: Node, _ context: RuleContext) {
        guard let parameters = declaration.child(.parameters) else { return }
        let file = context.file
        if declaration.kind == .methodDeclaration, StandardInterfaceMethod.dictates(declaration, file) { return }
        parameters.forEachChild { parameter in
            let kind = parameter.kind
            guard kind == .parameterDeclaration || kind == .variadicParameterDeclaration,
                  let type = parameter.child(.type), file.isEmptyInterface(type, followingNames: false) else { return }
            let names = parameter.children(.name).map { context.text($0) }
            let subject = names.isEmpty ? "an unnamed parameter is" : names.count == 1
                ? "parameter `\(names[0])` is" : "parameters `\(names.joined(separator: ", "))` are"
            let spelling = (kind == .variadicParameterDeclaration ? "..." : "") + context.text(type)
            context.report(parameter, """
                \(subject) `\(spelling)`: every call with a non-pointer value boxes it, which heap-allocates \
                a copy when the parameter escapes; take a concrete type or a type parameter (generics) instead
                """)
        }
    }
}

/// Methods whose signature a standard interface dictates, so the `any` parameter is not a choice.
private enum StandardInterfaceMethod {
    enum Results { case none, error, bool, emptyInterface }

    /// Name, then what the method returns; each takes exactly one `any` parameter.
    static let table: [(name: StaticString, results: Results)] = [
        ("Scan", .error),           // database/sql.Scanner
        ("Push", .none),            // container/heap.Interface
        ("Encode", .error),         // encoders: encoding/json, encoding/gob, encoding/xml…
        ("Decode", .error),         // decoders
        ("Value", .emptyInterface), // context.Context
        ("As", .bool),              // the As(any) bool method errors.As looks for
    ]

    static func dictates(_ method: Node, _ file: GoFile) -> Bool {
        guard let name = method.child(.name), let parameters = method.child(.parameters),
              let entry = table.first(where: { file.tree.textEquals(name, $0.name) }) else { return false }
        var parameterCount = 0
        var onlyAny = true
        parameters.forEachChild { parameter in
            guard parameter.kind == .parameterDeclaration || parameter.kind == .variadicParameterDeclaration else { return }
            parameterCount += max(1, parameter.children(.name).count)
            if parameter.kind == .variadicParameterDeclaration { onlyAny = false }
            if let type = parameter.child(.type), !file.isEmptyInterface(type, followingNames: false) { onlyAny = false }
        }
        guard parameterCount == 1, onlyAny else { return false }
        return returns(method, entry.results, file)
    }

    private static func returns(_ method: Node, _ results: Results, _ file: GoFile) -> Bool {
        var result = method.child(.result)
        // `(err error)` or `(error)`: one unnamed or named result in a list.
        if let list = result, list.kind == .parameterList {
            let declarations = list.namedChildren.filter { $0.kind == .parameterDeclaration }
            guard declarations.count == 1, declarations[0].children(.name).count <= 1 else { return false }
            result = declarations[0].child(.type)
        }
        guard let result else { return results == .none }
        switch results {
        case .none: return false
        case .error: return file.tree.textEquals(result, "error")
        case .bool: return file.tree.textEquals(result, "bool")
        case .emptyInterface: return file.isEmptyInterface(result, followingNames: false)
        }
    }
}
