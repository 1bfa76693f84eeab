import AlloclintSyntax

// Calls that only call a func argument while they run and never keep it, so a closure passed to
// them can live on the caller's stack. Two sources: one table of library calls (the compiler
// agrees: `-gcflags=-m` says `func literal does not escape` at each), and the bodies of the
// functions and methods of the package and of the other packages of its Go module.

extension StandardLibrary {
    /// Functions by `path.Name`.
    static let nonRetainingFunctions: Set<String> = [
        "sort.Slice", "sort.SliceStable", "sort.SliceIsSorted", "sort.Search", "sort.Find",
        "strings.Map", "bytes.Map", "path/filepath.Walk", "path/filepath.WalkDir", "io/fs.WalkDir",
        "testing.AllocsPerRun", "flag.Visit", "flag.VisitAll",
    ]

    /// Packages every function of which named `…Func` takes a callback it does not keep:
    /// `slices.SortFunc`, `slices.IndexFunc`…, `maps.DeleteFunc`, `maps.EqualFunc`,
    /// `strings.IndexFunc`, `strings.TrimFunc`, `strings.FieldsFunc`…, and their `bytes` twins.
    /// (`strings.FieldsFuncSeq` returns an iterator that keeps it: its name does not end in `Func`.)
    static let packagesWithNonRetainingFuncHelpers: Set<String> = ["slices", "maps", "strings", "bytes"]

    /// Methods by `path.Type.Method`, receiver by value or pointer. The `cryptobyte.Builder`
    /// continuations (golang.org/x/crypto, vendored in the standard library) are called in place.
    static let nonRetainingMethods: Set<String> = {
        var methods: Set<String> = [
            "sync.Once.Do", "sync.Map.Range", "regexp.Regexp.ReplaceAllFunc", "regexp.Regexp.ReplaceAllStringFunc",
            "flag.FlagSet.Visit", "flag.FlagSet.VisitAll", "go/token.FileSet.Iterate",
        ]
        for name in ["AddASN1", "AddUint8LengthPrefixed", "AddUint16LengthPrefixed", "AddUint24LengthPrefixed",
                     "AddUint32LengthPrefixed"] {
            methods.insert("golang.org/x/crypto/cryptobyte.Builder.\(name)")
        }
        return methods
    }()
}

extension GoFile {
    /// Whether `call` (a `call_expression` of this file) keeps no reference to its argument
    /// `argument` (a func value) once it returns:
    /// - the library calls of one table: `sort.Slice`, `sort.SliceStable`, `sort.SliceIsSorted`,
    ///   `sort.Search`, `sort.Find`, the `…Func` functions of `slices`, `maps`, `strings` and
    ///   `bytes`, `strings.Map`, `bytes.Map`, `filepath.Walk`, `filepath.WalkDir`, `fs.WalkDir`,
    ///   `testing.AllocsPerRun`, `flag.Visit`, `flag.VisitAll` and the `flag.FlagSet` methods of
    ///   those names, `sync.Once.Do`, `sync.Map.Range`, `regexp.Regexp.ReplaceAllFunc`
    ///   and `ReplaceAllStringFunc`, `token.FileSet.Iterate`, and the continuations of
    ///   `cryptobyte.Builder` — packages resolved through the imports (aliases followed,
    ///   shadowing names refused), methods only when the receiver's type is known; inside the
    ///   table's own package (sort calling `Slice`), its functions and its types' methods;
    /// - functions and methods of the package or of another package of its Go module (when the
    ///   engine supplies `GoPackage.modulePackages`), and func literals held in never-reassigned local
    ///   variables of this file, whose parameter is only called (not by `go`, nor by
    ///   a `defer` in a loop), compared, or passed on to such calls — directly or from func
    ///   literals that are themselves only called or passed to such calls; or that are declared
    ///   without a body under `//go:noescape`.
    /// False when unsure.
    public func callRetainsNoFuncArgument(_ call: Node, argument: Node) -> Bool {
        var analysis = RetentionAnalysis(engine: TypeEngine(file: self))
        return analysis.retainsNoArgument(call, argument, in: self, depth: 0)
    }
}

/// Follows a func argument into the callee's body, and from there into the calls it is passed to.
private struct RetentionAnalysis {
    /// The engine of the linted file.
    let engine: TypeEngine
    /// Callee parameters being decided (by declaration start and parameter index): a recursive
    /// call on the way back to one of them adds no retention of its own.
    var inProgress: Set<Parameter> = []

    struct Parameter: Hashable {
        let file: ObjectIdentifier
        let declarationStart: Int
        let index: Int
    }

    static let depthLimit = 4

    /// A function or method body being read: its file, and for a method its receiver.
    struct Callee {
        let declaration: Node
        let file: GoFile
        /// Keeps a declaration parsed on demand (`GoFile.withBody`) alive while its nodes are read.
        var parsed: DeclarationWithBody?

        var receiverName: Node? {
            declaration.child(.receiver)?.namedChildren.first { $0.kind == .parameterDeclaration }?.child(.name)
        }
        var receiverType: Node? {
            declaration.child(.receiver)?.namedChildren.first { $0.kind == .parameterDeclaration }?.child(.type)
        }

        init(declaration: Node, file: GoFile, parsed: DeclarationWithBody? = nil) {
            self.declaration = declaration
            self.file = file
            self.parsed = parsed
        }

        /// A package-level function or method.
        init?(declaration: Declaration) {
            guard let node = declaration.declNode, let file = declaration.file else { return nil }
            self.init(declaration: node, file: file)
        }
    }

    /// The engine that reads `owner`: the linted file's for its own package; for another
    /// package of the module, one of that package's (names at package level only).
    private func typeEngine(for owner: GoFile) -> TypeEngine {
        guard owner !== engine.file, owner.package !== engine.file.package else { return engine }
        return TypeEngine(file: owner, resolvesLocals: false)
    }

    mutating func retainsNoArgument(_ call: Node, _ argument: Node, in owner: GoFile, depth: Int,
                                    caller: Callee? = nil) -> Bool {
        guard depth < Self.depthLimit, let function = call.child(.function), function.kind != .funcLiteral,
              let arguments = call.child(.arguments) else { return false }
        let values = arguments.namedChildren.filter { $0.kind != .comment }
        guard let index = values.firstIndex(of: argument), !values.contains(where: { $0.kind == .variadicArgument }) else {
            return false
        }
        if inTable(function, in: owner, caller: caller) { return true }
        guard let callee = callee(function, in: owner, caller: caller) else { return false }
        let key = Parameter(file: ObjectIdentifier(callee.file), declarationStart: callee.declaration.startByte, index: index)
        if inProgress.contains(key) { return true }
        inProgress.insert(key)
        defer { inProgress.remove(key) }
        return parameterIsOnlyCalled(callee, index: index, depth: depth)
    }

    /// Whether the call is one of the table's, also when made inside the table's own package
    /// (package sort calling `Slice`, package sync calling `once.Do`).
    private func inTable(_ function: Node, in owner: GoFile, caller: Callee?) -> Bool {
        let engine = typeEngine(for: owner)
        let ownPath = owner.package?.importPath
        if function.kind == .identifier {
            guard let ownPath, let declaration = engine.resolve(function, in: owner), declaration.kind == .packageFunc else { return false }
            return Self.isNonRetainingFunction(owner.tree.text(function), in: ownPath)
        }
        guard function.kind == .selectorExpression, let operand = function.child(.operand),
              let field = function.child(.field) else { return false }
        let name = owner.tree.text(field)
        if operand.kind == .identifier, let qualifier = engine.resolve(operand, in: owner), qualifier.kind == .importName {
            return qualifier.importPath.map { Self.isNonRetainingFunction(name, in: $0) } ?? false
        }
        var receiver = operandType(operand, in: owner, caller: caller)
        if case .pointer(let pointee) = receiver { receiver = pointee }
        if let type = receiver.externalName ?? engine.methodOwner(receiver, name)?.externalName {
            return StandardLibrary.nonRetainingMethods.contains("\(type.path).\(type.name).\(name)")
        }
        guard let ownPath, case .named(.declared(let type))? = engine.methodOwner(receiver, name) else { return false }
        return StandardLibrary.nonRetainingMethods.contains("\(ownPath).\(type.name).\(name)")
    }

    private static func isNonRetainingFunction(_ name: String, in path: String) -> Bool {
        StandardLibrary.nonRetainingFunctions.contains("\(path).\(name)")
            || (name.hasSuffix("Func") && StandardLibrary.packagesWithNonRetainingFuncHelpers.contains(path))
    }

    /// The declaration of the function or method called as `function` — of the package, or of
    /// another package of the module — or the func literal a local variable of the linted file is
    /// initialised with and never reassigned.
    private func callee(_ function: Node, in owner: GoFile, caller: Callee?) -> Callee? {
        let engine = typeEngine(for: owner)
        if function.kind == .identifier {
            guard let declaration = engine.resolve(function, in: owner) else { return nil }
            if declaration.kind == .packageFunc { return Callee(declaration: declaration) }
            guard owner === self.engine.file, let literal = owner.localFuncLiteral(calledAs: function) else { return nil }
            return Callee(declaration: literal, file: owner)
        }
        guard function.kind == .selectorExpression, let operand = function.child(.operand),
              let field = function.child(.field) else { return nil }
        let name = owner.tree.text(field)
        if operand.kind == .identifier, let qualifier = engine.resolve(operand, in: owner), qualifier.kind == .importName {
            guard let path = qualifier.importPath, let function = modulePackage(path, of: owner)?.scope.lookup(name),
                  function.kind == .packageFunc else { return nil }
            return Callee(declaration: function)
        }
        var receiver = operandType(operand, in: owner, caller: caller)
        if case .pointer(let pointee) = receiver { receiver = pointee }
        if let type = receiver.externalName {
            return modulePackage(type.path, of: owner)?.scope.method(named: name, ofType: type.name).flatMap(Callee.init)
        }
        guard case .named(.declared(let type))? = engine.methodOwner(receiver, name) else { return nil }
        return engine.scope.method(named: name, ofType: type.name).flatMap(Callee.init)
    }

    /// The package at `importPath` when it belongs to the module of `owner`'s package.
    private func modulePackage(_ importPath: String, of owner: GoFile) -> GoPackage? {
        owner.package?.modulePackages?.package(importPath: importPath)
    }

    /// The operand's type; inside a callee's body its receiver's name denotes the receiver.
    private func operandType(_ operand: Node, in owner: GoFile, caller: Callee?) -> GoType {
        let engine = typeEngine(for: owner)
        if let caller, operand.kind == .identifier, let receiver = caller.receiverName, let type = caller.receiverType,
           sameText(operand, receiver, in: owner) {
            return engine.type(fromTypeNode: type, in: owner)
        }
        return engine.type(of: operand, in: owner)
    }

    /// Whether the callee's parameter at `index` is only called, compared or passed to calls
    /// that keep no func argument. Names are matched by text in the body (a shadowing local is
    /// judged with the parameter, which can only make the answer "retained").
    private mutating func parameterIsOnlyCalled(_ callee: Callee, index: Int, depth: Int) -> Bool {
        guard let parsed = callee.file.withBody(callee.declaration) else { return false }
        let callee = Callee(declaration: parsed.node, file: callee.file, parsed: parsed)
        guard let parameters = callee.declaration.child(.parameters) else { return false }
        var position = 0
        var parameter: (name: Node?, found: Bool) = (nil, false)
        for declaration in parameters.namedChildren {
            if declaration.kind == .variadicParameterDeclaration { return false }
            guard declaration.kind == .parameterDeclaration else { continue }
            let names = declaration.children(.name)
            let count = max(names.count, 1)
            if index < position + count {
                parameter = (names.isEmpty ? nil : names[index - position], true)
                break
            }
            position += count
        }
        guard parameter.found else { return false }
        guard let name = parameter.name, !callee.file.tree.textEquals(name, "_") else { return true }
        guard let body = callee.declaration.child(.body) else { return hasNoEscapeDirective(callee) }

        var onlyCalled = true
        var uses: [Node] = []
        body.walk { node in
            if node.kind == .identifier, sameText(node, name, in: callee.file) { uses.append(node) }
            return node.kind == .identifier ? .skipChildren : .visitChildren
        }
        for use in uses where onlyCalled {
            onlyCalled = isHarmless(use, in: callee, body: body, depth: depth)
        }
        return onlyCalled
    }

    /// Whether a use of the parameter keeps it. A use inside func literals of the body is harmless
    /// when the use is, and each literal around it is in turn only called or passed to such calls.
    private mutating func isHarmless(_ use: Node, in callee: Callee, body: Node, depth: Int) -> Bool {
        var value = use
        while true {
            while let parent = value.parent, parent.kind == .parenthesizedExpression { value = parent }
            guard let parent = value.parent else { return false }
            switch parent.kind {
            case .binaryExpression:
                break
            case .callExpression:
                guard parent.child(.function) == value, let statement = parent.parent else { return false }
                if statement.kind == .goStatement { return false }
                if statement.kind == .deferStatement, isInLoop(statement, body: body) { return false }
            case .argumentList:
                guard let call = parent.parent, call.kind == .callExpression, let statement = call.parent,
                      statement.kind != .goStatement, statement.kind != .deferStatement,
                      retainsNoArgument(call, value, in: callee.file, depth: depth + 1, caller: callee) else { return false }
            default:
                return false
            }
            guard let literal = enclosingLiteral(of: parent, body: body) else { return true }
            value = literal
        }
    }

    /// The innermost func literal around `node` inside `body`.
    private func enclosingLiteral(of node: Node, body: Node) -> Node? {
        var ancestor: Node? = node
        while let current = ancestor, current != body {
            if current.kind == .funcLiteral { return current }
            ancestor = current.parent
        }
        return nil
    }

    /// Whether `node` is in a loop of its own function (the body, or a literal inside it).
    private func isInLoop(_ node: Node, body: Node) -> Bool {
        var ancestor = node.parent
        while let current = ancestor, current != body, current.kind != .funcLiteral {
            if current.kind == .forStatement { return true }
            ancestor = current.parent
        }
        return false
    }

    /// A body-less declaration (implemented in assembly) marked `//go:noescape` in the comment
    /// lines just above. Read from the bytes above the declaration: package-context parses leave comments out.
    private func hasNoEscapeDirective(_ callee: Callee) -> Bool {
        let bytes = callee.file.source.bytes
        let newline = UInt8(ascii: "\n")
        var lineStart = min(callee.declaration.startByte, bytes.count)
        while lineStart > 0, bytes[lineStart - 1] != newline { lineStart -= 1 }
        while lineStart > 0 {
            let lineEnd = lineStart - 1
            lineStart = lineEnd
            while lineStart > 0, bytes[lineStart - 1] != newline { lineStart -= 1 }
            let line = bytes[lineStart..<lineEnd].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            guard line.starts(with: "//".utf8) else { return false }
            if line.starts(with: "//go:noescape".utf8) { return true }
        }
        return false
    }

    private func sameText(_ node: Node, _ other: Node, in file: GoFile) -> Bool {
        let bytes = file.source.bytes
        guard node.endByte - node.startByte == other.endByte - other.startByte, node.endByte <= bytes.count,
              other.endByte <= bytes.count else { return false }
        return bytes[node.startByte..<node.endByte].elementsEqual(bytes[other.startByte..<other.endByte])
    }
}

extension Node {
    /// Whether this expression is written by the statement it is in: an element of the left side of
    /// `=`, `op=`, or of `:=` (where an existing variable is redeclared).
    public var isAssignmentTarget: Bool {
        guard let list = parent, list.kind == .expressionList, let statement = list.parent else { return false }
        let kind = statement.kind
        return (kind == .assignmentStatement || kind == .shortVarDeclaration) && statement.child(.left) == list
    }
}
