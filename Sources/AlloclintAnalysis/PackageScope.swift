import AlloclintSyntax

/// The package block: every package-level function, variable, constant and type of the files of
/// one package directory, and the methods declared on its types. Built once per package on first
/// use (`GoPackage.scope`), or per file for a file analysed alone. With `PackageContextFiles`, the
/// declarations of the package's other files join it when a lookup first asks for their name:
/// such a scope grows while it is used, by one thread.
public final class PackageScope {
    /// Package-level declarations and methods; `id.raw == -2 - index`. In an overlay, those of
    /// `base` with one file's read from `replacement` (see `init?(overlaying:replacing:with:)`).
    private var ownDeclarations: [Declaration] = []
    private let base: PackageScope?
    private var replacement: (declarations: [Declaration], indices: Range<Int>) = ([], 0..<0)
    private var byName: [String: Int] = [:]
    /// Receiver base type name → method name → index in `declarations`.
    private var methodTable: [String: [String: Int]] = [:]
    /// Every function and method called a name, in index order (duplicates too: files for
    /// different build constraints may each declare one). Made on first use: most packages are
    /// never asked; then kept up as a growing scope grows.
    private var callablesByName: [String: [Int]]?
    /// The files whose declarations are collected when their names are first looked up. Weak:
    /// they hold their package, which holds this scope; the engine keeps them for the check.
    private weak var context: PackageContextFiles?
    private let growsOnLookup: Bool
    /// What was already asked of `context`: `name`, `Type.method`, `.method` (any type).
    private var requested: Set<String> = []
    /// The indices of each file's declarations (they are collected file by file).
    private var fileDeclarations: [ObjectIdentifier: Range<Int>] = [:]
    /// Per file (by identity): import name → path, and dot-import paths. Lets type queries read
    /// another file's imports without building that file's analysis (which may belong to another
    /// worker).
    private var fileImports: [ObjectIdentifier: (names: [String: String], dots: [String])] = [:]
    /// See `hasEmptyInterfaceParameter(named:)` (Boxing.swift).
    let emptyInterfaceCallables: EmptyInterfaceCallables

    /// The import path `name` denotes in `file` (nil if the file does not import it by that name).
    public func importPath(_ name: String, in file: GoFile) -> String? {
        fileImports[ObjectIdentifier(file)]?.names[name]
    }

    /// The dot-imported paths of `file`.
    public func dotImports(in file: GoFile) -> [String] { fileImports[ObjectIdentifier(file)]?.dots ?? [] }

    init(files: [GoFile], context: PackageContextFiles? = nil) {
        base = nil
        self.context = context
        growsOnLookup = context != nil
        emptyInterfaceCallables = EmptyInterfaceCallables()
        for file in files { collect(file) }
    }

    /// The scope of `base`'s package with `file` read from another tree of the same text:
    /// `replacing` parsed without function bodies, `with` parsed whole, for the time it is linted.
    /// Every declaration keeps its index, so lookups and ids are those of `base`, in time
    /// independent of the package's size. Nil when the two trees do not declare the same names in
    /// the same order (a parse that recovered from errors differently).
    init?(overlaying base: PackageScope, replacing contextFile: GoFile, with file: GoFile) {
        guard base.base == nil, let indices = base.fileDeclarations[ObjectIdentifier(contextFile)] else { return nil }
        let collected = PackageScope(files: [file])
        guard collected.ownDeclarations.count == indices.count,
              zip(collected.ownDeclarations, base.ownDeclarations[indices]).allSatisfy({ new, old in
                  new.kind == old.kind && new.name == old.name
              }) else { return nil }
        self.base = base
        growsOnLookup = false
        emptyInterfaceCallables = base.emptyInterfaceCallables
        replacement = (collected.ownDeclarations.enumerated().map { offset, declaration in
            declaration.renumbered(PackageScope.encode(indices.lowerBound + offset))
        }, indices)
        byName = base.byName
        methodTable = base.methodTable
        fileImports = base.fileImports
        fileImports[ObjectIdentifier(file)] = collected.fileImports[ObjectIdentifier(file)]
    }

    /// The declaration at `index` (see `id`).
    func declaration(at index: Int) -> Declaration? {
        if replacement.indices.contains(index) { return replacement.declarations[index - replacement.indices.lowerBound] }
        if let base { return base.declaration(at: index) }
        return index < ownDeclarations.count ? ownDeclarations[index] : nil
    }

    /// The package-level declaration (not a method) called `name`.
    public func lookup(_ name: String) -> Declaration? {
        lookupIndex(name).flatMap(declaration(at:))
    }

    func lookupIndex(_ name: String) -> Int? {
        if let index = byName[name] { return index }
        guard growsOnLookup else { return nil }
        grow(name) { $0.files(declaring: name) }
        return byName[name]
    }

    /// The method `name` declared in the package on the type called `typeName` (by value or pointer
    /// receiver).
    public func method(named name: String, ofType typeName: String) -> Declaration? {
        if growsOnLookup { grow(typeName + "." + name) { $0.files(declaringMethod: name, ofType: typeName) } }
        return methodTable[typeName]?[name].flatMap(declaration(at:))
    }

    /// Every package-level function and method called `name`, on any type.
    /// Thread-safe only under `EmptyInterfaceCallables`' lock (its one caller), which an overlay
    /// shares with its base.
    func callables(named name: String) -> [Declaration] {
        if growsOnLookup {
            grow(name) { $0.files(declaring: name) }
            grow("." + name) { $0.files(declaringMethodsNamed: name) }
        }
        return (callableIndex()[name] ?? []).compactMap(declaration(at:))
    }

    /// `callablesByName`, made on first use (an overlay's is its base's: the same names at the
    /// same indices).
    private func callableIndex() -> [String: [Int]] {
        if let base { return base.callableIndex() }
        if let callablesByName { return callablesByName }
        var index: [String: [Int]] = [:]
        for (position, declaration) in ownDeclarations.enumerated() {
            addCallable(declaration, at: position, to: &index)
        }
        callablesByName = index
        return index
    }

    private func addCallable(_ declaration: Declaration, at index: Int, to table: inout [String: [Int]]) {
        guard declaration.kind == .packageFunc || declaration.kind == .method, let name = declaration.nameNode,
              name.kind != .blankIdentifier, let file = declaration.file else { return }
        table[file.tree.text(name), default: []].append(index)
    }

    /// Collects what `handOut` gives of the context files, once per `key`.
    private func grow(_ key: String, _ handOut: (PackageContextFiles) -> [GoFile]) {
        guard requested.insert(key).inserted, let context else { return }
        for file in handOut(context) { collect(file) }
    }

    static func encode(_ index: Int) -> Int32 { -2 - Int32(index) }
    static func decode(_ target: Int32) -> Int? {
        target <= -2 && target > Universe.base ? Int(-2 - target) : nil
    }

    private func add(_ kind: DeclarationKind, file: GoFile, name: Node?, declNode: Node, typeNode: Node?,
                     origin: DeclarationOrigin, register: Bool = true) -> Int {
        let index = ownDeclarations.count
        ownDeclarations.append(Declaration(
            id: DeclarationID(raw: PackageScope.encode(index)), kind: kind, nameNode: name, declNode: declNode,
            typeNode: typeNode, isVariadic: false, origin: origin, function: nil, scope: nil, file: file,
            builtinName: nil, importPath: nil))
        if register, let name, name.kind != .blankIdentifier {
            let text = file.tree.text(name)
            if byName[text] == nil { byName[text] = index }
        }
        if callablesByName != nil { addCallable(ownDeclarations[index], at: index, to: &callablesByName!) }
        return index
    }

    private func collect(_ file: GoFile) {
        let first = ownDeclarations.count
        defer { fileDeclarations[ObjectIdentifier(file)] = first..<ownDeclarations.count }
        var names: [String: String] = [:]
        var dots: [String] = []
        file.tree.root.forEachChild { top in
            let kind = top.kind
            if kind == .importDeclaration {
                PackageScope.forEachImport(top) { spec in
                    guard let pathNode = spec.child(.path) else { return }
                    let path = file.tree.text(pathNode).trimmingQuotes()
                    if let alias = spec.child(.name) {
                        if alias.kind == .dot { dots.append(path) }
                        if alias.kind == .packageIdentifier { names[file.tree.text(alias)] = path }
                    } else {
                        names[FileAnalysis.defaultImportName(path)] = path
                    }
                }
            }
            if kind == .functionDeclaration {
                _ = add(.packageFunc, file: file, name: top.child(.name), declNode: top, typeNode: nil, origin: .none)
            } else if kind == .methodDeclaration {
                let index = add(.method, file: file, name: top.child(.name), declNode: top, typeNode: nil,
                                origin: .none, register: false)
                if let receiverType = PackageScope.receiverTypeName(top), let name = top.child(.name) {
                    let typeName = file.tree.text(receiverType)
                    methodTable[typeName, default: [:]][file.tree.text(name)] = index
                }
            } else if kind == .varDeclaration || kind == .constDeclaration {
                var lastType: Node?
                var lastValues: [Node] = []
                PackageScope.forEachSpec(top) { spec in
                    let names = spec.children(.name)
                    var type = spec.child(.type)
                    var values = spec.child(.value).map { $0.namedChildren.filter { $0.kind != .comment } } ?? []
                    if kind == .constDeclaration {
                        if type == nil && values.isEmpty { type = lastType; values = lastValues }
                        lastType = type
                        lastValues = values
                    }
                    for (position, name) in names.enumerated() {
                        _ = add(kind == .varDeclaration ? .packageVar : .packageConst, file: file, name: name,
                                declNode: spec, typeNode: type,
                                origin: PackageScope.origin(position: position, names: names.count, values: values))
                    }
                }
            } else if kind == .typeDeclaration {
                top.forEachChild { spec in
                    guard spec.kind == .typeSpec || spec.kind == .typeAlias else { return }
                    _ = add(.packageType, file: file, name: spec.child(.name), declNode: spec,
                            typeNode: spec.child(.type), origin: .none)
                }
            }
        }
        fileImports[ObjectIdentifier(file)] = (names, dots)
    }

    static func forEachImport(_ declaration: Node, _ body: (Node) -> Void) {
        declaration.forEachChild { child in
            if child.kind == .importSpec { body(child) }
            if child.kind == .importSpecList { child.forEachChild { if $0.kind == .importSpec { body($0) } } }
        }
    }

    /// Calls `body` for each `var_spec`/`const_spec` of a declaration (grouped or not).
    static func forEachSpec(_ declaration: Node, _ body: (Node) -> Void) {
        declaration.forEachChild { child in
            let kind = child.kind
            if kind == .varSpec || kind == .constSpec {
                body(child)
            } else if kind == .varSpecList {
                child.forEachChild { if $0.kind == .varSpec { body($0) } }
            }
        }
    }

    /// The origin of the `position`-th of `names` names declared with `values`.
    static func origin(position: Int, names: Int, values: [Node]) -> DeclarationOrigin {
        if values.count == names { return .value(values[position]) }
        if values.count == 1 && names > 1 { return .tupleElement(values[0], index: position) }
        return .none
    }

    /// The `type_identifier` naming the base type of a method's receiver (`T` in `*T`, `T[K]`).
    static func receiverTypeName(_ method: Node) -> Node? {
        guard let receiver = method.child(.receiver) else { return nil }
        var found: Node?
        receiver.forEachChild { parameter in
            guard found == nil, parameter.kind == .parameterDeclaration, var type = parameter.child(.type) else { return }
            for _ in 0..<4 {
                let kind = type.kind
                if kind == .pointerType || kind == .parenthesizedType {
                    guard let inner = type.namedChild(at: 0) else { return }
                    type = inner
                } else if kind == .genericType {
                    guard let inner = type.child(.type) else { return }
                    type = inner
                } else {
                    break
                }
            }
            if type.kind == .typeIdentifier { found = type }
        }
        return found
    }
}
