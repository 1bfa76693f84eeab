import AlloclintAnalysis
import AlloclintSyntax

/// `interface-boxing-in-loop`: in a loop body of the same function, a non-constant argument of a
/// known concrete type passed to an `any` parameter that lets it escape — the `fmt`/`log` printing
/// functions, `fmt.Errorf`, `*log.Logger` methods, and functions and methods of the package. Each
/// iteration heap-allocates a copy of the value (`runtime.convT*`).
struct InterfaceBoxingInLoopRule: Rule {
    static let id = "interface-boxing-in-loop"
    static let kinds: [NodeKind] = [.callExpression]

    init(options: RuleOptions) {}

    func visit(_ call: Node, _ context: RuleContext) {
        guard let arguments = call.child(.arguments), arguments.namedChildCount > 0,
              context.enclosingLoop != nil,
              let callee = BoxingCallee(call, context.file), !context.isInDeadBranch() else { return }
        let file = context.file
        var position = 0
        arguments.forEachChild { argument in
            guard argument.isNamed, argument.kind != .comment else { return }
            defer { position += 1 }
            // `xs...` passes the slice as it is.
            guard argument.kind != .variadicArgument, callee.boxes(at: position) else { return }
            let boxed = explicitConversionOperand(argument, file) ?? argument
            guard case .copies(let kind) = file.boxingCost(of: boxed) else { return }
            context.report(argument, """
                \(describe(argument, kind, context)) is boxed into `any` for \(callee.name) on every iteration: \
                a heap allocation per call (runtime.convT*); \(callee.advice)
                """)
        }
    }

    /// `x` in an argument written `any(x)` or `interface{}(x)`: the conversion is the boxing.
    private func explicitConversionOperand(_ argument: Node, _ file: GoFile) -> Node? {
        let kind = argument.kind
        guard kind == .callExpression || kind == .typeConversionExpression,
              let type = argument.child(kind == .callExpression ? .function : .type),
              file.isEmptyInterface(type, followingNames: true) else { return nil }
        if kind == .typeConversionExpression { return argument.child(.operand) }
        guard let arguments = argument.child(.arguments), arguments.namedChildCount == 1 else { return nil }
        return arguments.namedChild(at: 0)
    }

    private func describe(_ argument: Node, _ kind: TypeKind, _ context: RuleContext) -> String {
        let what: String
        switch kind {
        case .string: what = "a string"
        case .slice: what = "a slice"
        case .array: what = "an array"
        case .structValue: what = "a struct"
        case .basic(.float): what = "a float"
        case .basic(.complex): what = "a complex number"
        default: what = "an integer"
        }
        let text = context.text(argument)
        guard text.utf8.count <= 40, !text.contains("\n") else { return "this argument (\(what))" }
        return "`\(text)` (\(what))"
    }
}

/// A call whose parameters from some position on are `any`s that let their argument escape.
private struct BoxingCallee {
    /// How the callee is named in messages: `fmt.Println`, `(*log.Logger).Printf`, `record`.
    let name: String
    let advice: String
    /// Per argument position: whether the argument is converted to an escaping `any`. The last
    /// entry repeats for a variadic tail.
    private let escapingAny: [Bool]
    private let variadic: Bool

    func boxes(at position: Int) -> Bool {
        if position < escapingAny.count { return escapingAny[position] }
        return variadic && escapingAny.last == true
    }

    private static let printingAdvice = "in hot loops, format with strconv.Append* into a reused buffer instead"
    private static let packageAdvice = "give it a concrete type or a type parameter instead of `any`"

    /// Names are checked against the tables and the package's functions before anything is
    /// resolved: most calls in loops are neither.
    init?(_ call: Node, _ file: GoFile) {
        guard let function = call.child(.function) else { return nil }
        let bytes = file.source.bytes
        if function.kind == .identifier {
            let name = bytes[function.byteRange]
            if file.packageScope.hasEmptyInterfaceParameter(named: name), let declaration = file.resolve(function) {
                guard declaration.kind == .packageFunc, let node = declaration.declNode, let owner = declaration.file else { return nil }
                self.init(declared: node, in: owner, name: file.tree.text(function), from: file)
                return
            }
            // A dot import of fmt or log, unless a declaration shadows the name.
            guard let path = file.dotImports.first(where: { Self.standardFunctions[$0]?[name] != nil }),
                  let first = Self.standardFunctions[path]?[name], file.resolve(function) == nil else { return nil }
            self.init(standard: "\(path).\(file.tree.text(function))", firstAny: first)
            return
        }
        guard function.kind == .selectorExpression, let operand = function.child(.operand),
              let field = function.child(.field) else { return nil }
        let name = bytes[field.byteRange]
        let printing = Self.standardFunctions["fmt"]?[name] != nil || Self.standardFunctions["log"]?[name] != nil
        let declared = file.packageScope.hasEmptyInterfaceParameter(named: name)
        guard printing || declared else { return nil }
        if operand.kind == .identifier, let path = file.importPath(ofQualifier: operand) {
            guard let first = Self.standardFunctions[path]?[name] else { return nil }
            self.init(standard: "\(path).\(file.tree.text(field))", firstAny: first)
            return
        }
        let methodName = file.tree.text(field)
        guard let owner = file.methodOwner(of: file.type(of: operand), named: methodName) else { return nil }
        switch owner {
        case .named(.declared(let type)) where declared:
            guard let method = file.packageScope.method(named: methodName, ofType: type.name),
                  let node = method.declNode, let methodFile = method.file else { return nil }
            self.init(declared: node, in: methodFile, name: "\(type.name).\(methodName)", from: file)
        case .named(.external(path: "log", name: "Logger")):
            guard let first = Self.standardFunctions["log"]?[name] else { return nil }
            self.init(standard: "(*log.Logger).\(methodName)", firstAny: first)
        default:
            return nil
        }
    }

    private init(standard name: String, firstAny: Int) {
        self.name = name
        advice = Self.printingAdvice
        escapingAny = [Bool](repeating: false, count: firstAny) + [true]
        variadic = true
    }

    /// A function or method of the package: its `any` parameters that may escape.
    private init?(declared function: Node, in owner: GoFile, name: String, from file: GoFile) {
        guard let parameters = function.child(.parameters) else { return nil }
        // In editor mode the other files of the package are parsed without bodies.
        let declaration = owner.withBody(function)
        var escaping: [Bool] = []
        var variadic = false
        withExtendedLifetime(declaration) {
            let body = declaration?.node.child(.body)
            parameters.forEachChild { parameter in
                let kind = parameter.kind
                guard kind == .parameterDeclaration || kind == .variadicParameterDeclaration else { return }
                let isAny = parameter.child(.type).map { file.isEmptyInterface($0, writtenIn: owner, followingNames: true) } ?? false
                variadic = kind == .variadicParameterDeclaration
                let names = parameter.children(.name)
                if names.isEmpty { escaping.append(false) }  // an unnamed parameter is never used
                for name in names {
                    escaping.append(isAny && ParameterEscape.mayEscape(name, variadic: variadic, body: body, in: owner, from: file))
                }
            }
        }
        guard escaping.contains(true) else { return nil }
        self.name = name
        advice = Self.packageAdvice
        escapingAny = escaping
        self.variadic = variadic
    }

    /// Standard functions whose parameters from some index on are `...any` and escape (they are
    /// kept in the printer's state and formatted through reflection): import path → name → index
    /// of the first `any`. The `log` entries are also the methods of `*log.Logger`.
    static let standardFunctions: [String: [ArraySlice<UInt8>: Int]] = {
        func table(_ entries: KeyValuePairs<String, Int>) -> [ArraySlice<UInt8>: Int] {
            var result: [ArraySlice<UInt8>: Int] = [:]
            for (name, index) in entries { result[ArraySlice(Array(name.utf8))] = index }
            return result
        }
        return [
            "fmt": table(["Print": 0, "Println": 0, "Printf": 1, "Sprint": 0, "Sprintln": 0, "Sprintf": 1,
                          "Fprint": 1, "Fprintln": 1, "Fprintf": 2, "Errorf": 1, "Append": 1, "Appendln": 1, "Appendf": 2]),
            "log": table(["Print": 0, "Println": 0, "Printf": 1, "Fatal": 0, "Fatalln": 0, "Fatalf": 1,
                          "Panic": 0, "Panicln": 0, "Panicf": 1]),
        ]
    }()
}
