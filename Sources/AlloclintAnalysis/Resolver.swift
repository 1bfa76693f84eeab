import AlloclintSyntax

// Identifier resolution through Go's scopes.
//
// A file is split into units: its top-level declarations. The first `resolve` of an identifier
// inside a unit walks that unit once (iteratively, with `Node.walk`), keeping a binding stack of
// the local declarations in scope, and records the declaration of every identifier of the unit.
// Later queries are a dictionary lookup. Names are interned per file from their bytes, so the walk
// builds no String per identifier; a name that no local declares is looked up (as a String, once
// per file) in the file's imports, the package block and the universe.

/// What one file knows beyond its syntax: resolution, types and rule facts, built lazily.
final class FileAnalysis {
    unowned let file: GoFile
    let packageScope: PackageScope

    /// Local declarations of the file, and its imports; `id.raw == index`.
    var locals: [Declaration] = []
    /// The serial of the scope each local is bound in (for `:=` redeclaration).
    private var localScopeSerial: [Int32] = []
    /// Identifier start byte → encoded target (see `decode`); -1 for "not a reference".
    private var resolved: [Int: Int32] = [:]

    private var units: [Node] = []
    private var unitStarts: [Int] = []
    private var unitDone: [Bool] = []
    /// Per unit (built on first use): its identifiers that resolve, by encoded target, in source order.
    private var referenceIndex: [Int: [Int32: [Node]]] = [:]

    private var nameIDs: [NameBytes: Int32] = [:]
    /// Per interned name: the innermost local binding during a unit walk (-1: none).
    private var current: [Int32] = []
    /// Per interned name: its import / package / universe target (-3: not computed yet).
    private var globalTargets: [Int32] = []
    private var importsByName: [String: Int32] = [:]
    /// Import paths of `import . "path"`.
    private(set) var dotImports: [String] = []

    /// Caches of the type layer (see Types.swift) and of the pool facts.
    var declarationTypes: [Int32: GoType] = [:]
    var functionFacts: [Int: AnyObject] = [:]
    /// The last call `GoFile.poolCall` judged: the three pool rules ask about each call in turn.
    var lastPoolCall: (call: Node, found: PoolCall?)?
    /// Captured variables per func literal (by start byte), and the units already indexed (see
    /// Captures.swift).
    var literalCaptures: [Int: [(identifier: Node, local: Int32)]] = [:]
    var capturesIndexed: Set<Int> = []

    init(file: GoFile) {
        self.file = file
        if let package = file.package {
            packageScope = package.scope
        } else if let scope = file.standalonePackageScope {
            packageScope = scope
        } else {
            let scope = PackageScope(files: [file])
            file.standalonePackageScope = scope
            packageScope = scope
        }
        file.tree.root.forEachChild { top in
            let kind = top.kind
            if kind == .importDeclaration {
                top.forEachChild { child in
                    if child.kind == .importSpec { addImport(child) }
                    if child.kind == .importSpecList { child.forEachChild { if $0.kind == .importSpec { addImport($0) } } }
                }
            }
            if kind == .packageClause || kind == .importDeclaration || kind == .comment { return }
            units.append(top)
            unitStarts.append(top.startByte)
        }
        unitDone = [Bool](repeating: false, count: units.count)
    }

    private func addImport(_ spec: Node) {
        guard let pathNode = spec.child(.path) else { return }
        let path = file.tree.text(pathNode).trimmingQuotes()
        let alias = spec.child(.name)
        if let alias, alias.kind == .dot { dotImports.append(path); return }
        if let alias, alias.kind == .blankIdentifier { return }
        let name = alias.map { file.tree.text($0) } ?? FileAnalysis.defaultImportName(path)
        let index = Int32(locals.count)
        locals.append(Declaration(
            id: DeclarationID(raw: index), kind: .importName, nameNode: alias, declNode: spec, typeNode: nil,
            isVariadic: false, origin: .none, function: nil, scope: nil, file: file,
            builtinName: alias == nil ? name : nil, importPath: path))
        localScopeSerial.append(-1)
        if let alias { resolved[alias.startByte] = index }
        importsByName[name] = index
    }

    /// The name a package is imported under when the import has no alias: the last path element,
    /// skipping a `/vN` major-version suffix, without a `go-` prefix or a `.xyz`/`-go` suffix.
    /// Works on the path's bytes: every import of every file goes through here.
    static func defaultImportName(_ path: String) -> String {
        let slash = UInt8(ascii: "/")
        var rest = Substring(path).utf8
        func popElement() -> Substring.UTF8View? {
            while rest.last == slash { rest = rest.dropLast() }
            guard !rest.isEmpty else { return nil }
            let start = rest.lastIndex(of: slash).map { rest.index(after: $0) } ?? rest.startIndex
            defer { rest = rest[..<start] }
            return rest[start...]
        }
        guard var name = popElement() else { return path }
        if name.count >= 2, name.first == UInt8(ascii: "v"),
           name.dropFirst().allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let parent = popElement() {
            name = parent
        }
        if let dot = name.firstIndex(of: UInt8(ascii: ".")) { name = name[..<dot] }
        if name.starts(with: "go-".utf8) { name = name.dropFirst(3) }
        if name.count >= 3, name.suffix(3).elementsEqual("-go".utf8) { name = name.dropLast(3) }
        return String(decoding: name.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: "_") : $0 }, as: UTF8.self)
    }

    // MARK: Queries

    func declaration(encoded target: Int32) -> Declaration? {
        if target >= 0 { return Int(target) < locals.count ? locals[Int(target)] : nil }
        if target <= Universe.base {
            let index = Int(Universe.base - target)
            return index < Universe.names.count ? Universe.declaration(index) : nil
        }
        return PackageScope.decode(target).flatMap(packageScope.declaration(at:))
    }

    func declaration(_ id: DeclarationID) -> Declaration? { declaration(encoded: id.raw) }

    /// The encoded target of an identifier node (resolving its unit first), nil if unresolved.
    func target(of identifier: Node) -> Int32? {
        ensureResolved(identifier.startByte)
        guard let target = resolved[identifier.startByte], target != -1 else { return nil }
        return target
    }

    func resolve(_ identifier: Node) -> Declaration? {
        let kind = identifier.kind
        guard kind == .identifier || kind == .typeIdentifier || kind == .packageIdentifier else { return nil }
        return target(of: identifier).flatMap { declaration(encoded: $0) }
    }

    /// The package-level, import or universe declaration named `name` as seen from this file.
    func lookupGlobal(_ name: String) -> Declaration? {
        if let index = importsByName[name] { return locals[Int(index)] }
        if let declaration = packageScope.lookup(name) { return declaration }
        if let index = Universe.index[name] { return Universe.declaration(index) }
        return nil
    }

    private func ensureResolved(_ offset: Int) {
        guard let found = unitIndex(containing: offset), !unitDone[found] else { return }
        unitDone[found] = true
        let walker = UnitWalker(analysis: self)
        walker.walk(units[found])
    }

    /// The top-level declaration holding the byte at `offset`.
    func unit(containing offset: Int) -> Node? { unitIndex(containing: offset).map { units[$0] } }

    private func unitIndex(containing offset: Int) -> Int? {
        let found = lastUnit(startingAtOrBefore: offset)
        guard found >= 0, offset < units[found].endByte else { return nil }
        return found
    }

    /// The last unit that starts at or before `offset`; -1 if none does.
    private func lastUnit(startingAtOrBefore offset: Int) -> Int {
        var low = 0, high = unitStarts.count - 1, found = -1
        while low <= high {
            let mid = (low + high) / 2
            if unitStarts[mid] <= offset { found = mid; low = mid + 1 } else { high = mid - 1 }
        }
        return found
    }

    /// The identifiers in `node` that resolve to `target`, from the index of each unit `node`
    /// overlaps (outside ERROR nodes, like `forEachReference`).
    func references(to target: Int32, in node: Node) -> [Node] {
        var result: [Node] = []
        var unit = max(0, lastUnit(startingAtOrBefore: node.startByte))
        while unit < units.count && unitStarts[unit] < node.endByte {
            let index = referenceIndex[unit] ?? buildReferenceIndex(unit)
            for identifier in index[target] ?? [] where node.startByte <= identifier.startByte && identifier.endByte <= node.endByte {
                result.append(identifier)
            }
            unit += 1
        }
        return result
    }

    private func buildReferenceIndex(_ unit: Int) -> [Int32: [Node]] {
        var index: [Int32: [Node]] = [:]
        units[unit].walk { node in
            let kind = node.kind
            guard kind == .identifier || kind == .typeIdentifier || kind == .packageIdentifier else { return .visitChildren }
            if let target = target(of: node) { index[target, default: []].append(node) }
            return .skipChildren
        }
        referenceIndex[unit] = index
        return index
    }

    // MARK: Interning and binding (used by UnitWalker)

    func intern(_ node: Node) -> Int32 {
        let slice = file.source.bytes[node.startByte..<min(node.endByte, file.source.bytes.count)]
        if let id = nameIDs[NameBytes(bytes: slice)] { return id }
        let id = Int32(current.count)
        nameIDs[NameBytes(bytes: slice)] = id
        current.append(-1)
        globalTargets.append(-3)
        return id
    }

    fileprivate func lookup(_ name: Int32, node: Node) -> Int32 {
        let local = current[Int(name)]
        if local >= 0 { return local }
        var global = globalTargets[Int(name)]
        if global == -3 {
            let text = file.tree.text(node)
            if let index = importsByName[text] {
                global = index
            } else if let index = packageScope.lookupIndex(text) {
                global = PackageScope.encode(index)
            } else if let index = Universe.index[text] {
                global = Universe.base - Int32(index)
            } else {
                global = -1
            }
            globalTargets[Int(name)] = global
        }
        return global
    }

    fileprivate func record(_ node: Node, _ target: Int32) { resolved[node.startByte] = target }
    fileprivate func isRecorded(_ node: Node) -> Bool { resolved[node.startByte] != nil }
    fileprivate func currentBinding(_ name: Int32) -> Int32 { current[Int(name)] }
    fileprivate func setBinding(_ name: Int32, _ target: Int32) { current[Int(name)] = target }
    fileprivate func scopeSerial(ofLocal index: Int32) -> Int32 { localScopeSerial[Int(index)] }

    fileprivate func addLocal(_ declaration: (Int32) -> Declaration, serial: Int32) -> Int32 {
        let index = Int32(locals.count)
        locals.append(declaration(index))
        localScopeSerial.append(serial)
        return index
    }
}

extension String {
    func trimmingQuotes() -> String {
        var text = Substring(self)
        if let first = text.first, first == "\"" || first == "`" { text = text.dropFirst() }
        if let last = text.last, last == "\"" || last == "`" { text = text.dropLast() }
        return String(text)
    }
}

/// What the unit walk does at a node kind (a table indexed by symbol id).
private enum WalkRole: UInt8 {
    case none = 0, reference, skip, block, scope, function, shortVar, varSpec, constSpec, rangeClause, receive
    case typeSwitch, switchOrSelect, typeCase, defaultCase, typeSpec, parameter, constDeclaration
    case compositeLiteral, literalValue, keyedElement

    static let table: [WalkRole] = {
        var table = [WalkRole](repeating: .none, count: GoGrammar.symbolCount + 1)
        func set(_ kind: NodeKind, _ role: WalkRole) { if Int(kind.id) < table.count { table[Int(kind.id)] = role } }
        set(.identifier, .reference)
        set(.typeIdentifier, .reference)
        set(.packageIdentifier, .reference)
        set(.fieldIdentifier, .skip)
        set(.labelName, .skip)
        set(.comment, .skip)
        set(.interpretedStringLiteral, .skip)
        set(.rawStringLiteral, .skip)
        set(.block, .block)
        for kind in [NodeKind.ifStatement, .forStatement, .expressionCase, .communicationCase] { set(kind, .scope) }
        set(.expressionSwitchStatement, .switchOrSelect)
        set(.selectStatement, .switchOrSelect)
        set(.typeSwitchStatement, .typeSwitch)
        set(.typeCase, .typeCase)
        set(.defaultCase, .defaultCase)
        for kind in [NodeKind.functionDeclaration, .methodDeclaration, .funcLiteral] { set(kind, .function) }
        set(.shortVarDeclaration, .shortVar)
        set(.varSpec, .varSpec)
        set(.constSpec, .constSpec)
        set(.constDeclaration, .constDeclaration)
        set(.rangeClause, .rangeClause)
        set(.receiveStatement, .receive)
        set(.typeSpec, .typeSpec)
        set(.typeAlias, .typeSpec)
        set(.parameterDeclaration, .parameter)
        set(.variadicParameterDeclaration, .parameter)
        set(.compositeLiteral, .compositeLiteral)
        set(.literalValue, .literalValue)
        set(.keyedElement, .keyedElement)
        return table
    }()

    static func of(_ node: Node) -> WalkRole {
        let id = Int(node.kind.id)
        return id < table.count ? table[id] : .none
    }
}

/// A name's bytes as a dictionary key, hashed in one go (an `ArraySlice`'s own hashing feeds the
/// hasher a byte at a time, and every identifier of a unit is interned).
private struct NameBytes: Hashable {
    let bytes: ArraySlice<UInt8>

    func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
    static func == (lhs: NameBytes, rhs: NameBytes) -> Bool { lhs.bytes.elementsEqual(rhs.bytes) }
}

/// One walk over a unit, maintaining the binding stack.
private final class UnitWalker {
    let analysis: FileAnalysis
    var bytes: [UInt8] { analysis.file.source.bytes }

    struct Scope { var serial: Int32; var logStart: Int; var node: Node }
    var scopes: [Scope] = []
    var log: [(name: Int32, previous: Int32)] = []
    var serialCounter: Int32 = 0
    var functions: [(node: Node, bodyStart: Int)] = []
    /// Declarations made by a statement, bound when the walk leaves it (`x := x` sees the outer x).
    var pending: [(start: Int, locals: [Int32])] = []
    /// Switch and select statements being walked; for a type switch with `v :=`, the alias.
    var switches: [(alias: Node?, value: Node?)] = []
    /// Implicit repetition in const groups.
    var constGroup: (type: Node?, values: [Node]) = (nil, [])
    /// Composite literals being walked: their body's start and type.
    var composites: [(bodyStart: Int, type: Node?)] = []
    /// Literal values being walked: whether bare identifier keys are field names, and their type.
    var literals: [(fieldKeys: Bool, type: Node?)] = []

    init(analysis: FileAnalysis) { self.analysis = analysis }

    func walk(_ unit: Node) {
        unit.walk(visit: { node in enter(node) }, descend: { _ in }, ascend: { node in leave(node) })
        while !scopes.isEmpty { popScope() }
    }

    // MARK: Scopes

    func pushScope(_ node: Node) {
        serialCounter += 1
        scopes.append(Scope(serial: serialCounter, logStart: log.count, node: node))
    }

    func popScope() {
        guard let scope = scopes.popLast() else { return }
        while log.count > scope.logStart {
            let entry = log.removeLast()
            analysis.setBinding(entry.name, entry.previous)
        }
    }

    func bind(_ name: Int32, _ local: Int32) {
        log.append((name, analysis.currentBinding(name)))
        analysis.setBinding(name, local)
    }

    var isLocal: Bool { !functions.isEmpty }

    /// Creates a local declaration; records `nameNode` as declaring it unless `record` is false.
    @discardableResult
    func declare(_ kind: DeclarationKind, name nameNode: Node, declNode: Node?, type: Node?,
                          variadic: Bool = false, origin: DeclarationOrigin = .none,
                          bindNow: Bool, record: Bool = true) -> Int32? {
        // `_` declares nothing; in `for _, v := range` and `_, err :=` it is an identifier node.
        guard nameNode.kind != .blankIdentifier, !analysis.file.tree.textEquals(nameNode, "_") else { return nil }
        let name = analysis.intern(nameNode)
        let function = functions.last?.node
        let scope = scopes.last?.node
        let file = analysis.file
        let index = analysis.addLocal({ index in
            Declaration(id: DeclarationID(raw: index), kind: kind, nameNode: nameNode, declNode: declNode,
                        typeNode: type, isVariadic: variadic, origin: origin, function: function, scope: scope,
                        file: file, builtinName: nil, importPath: nil)
        }, serial: scopes.last?.serial ?? 0)
        if record { analysis.record(nameNode, index) }
        if bindNow { bind(name, index) }
        return index
    }

    // MARK: Enter / leave

    func enter(_ node: Node) -> WalkAction {
        switch WalkRole.of(node) {
        case .none:
            return .visitChildren
        case .reference:
            if !analysis.isRecorded(node) {
                let target = analysis.lookup(analysis.intern(node), node: node)
                if target != -1 { analysis.record(node, target) }
            }
            return .skipChildren
        case .skip:
            return .skipChildren
        case .block:
            if functions.last?.bodyStart != node.startByte { pushScope(node) }
        case .scope:
            pushScope(node)
        case .switchOrSelect:
            pushScope(node)
            switches.append((nil, nil))
        case .typeSwitch:
            pushScope(node)
            var alias: Node?
            let value = node.child(.value)
            if let list = node.child(.alias), let name = list.namedChild(at: 0), name.kind == .identifier {
                alias = name
                declare(.localVar, name: name, declNode: node, type: nil, origin: value.map { .typeSwitch($0, caseType: nil) } ?? .none,
                        bindNow: false)
            }
            switches.append((alias, value))
        case .typeCase, .defaultCase:
            pushScope(node)
            if let entry = switches.last, let alias = entry.alias {
                var caseType: Node?
                if WalkRole.of(node) == .typeCase {
                    let types = node.children(.type)
                    if types.count == 1, types[0].kind != .nil { caseType = types[0] }
                }
                declare(.localVar, name: alias, declNode: node, type: caseType,
                        origin: entry.value.map { .typeSwitch($0, caseType: caseType) } ?? .none, bindNow: true, record: false)
            }
        case .function:
            enterFunction(node)
        case .shortVar:
            enterShortVar(node)
        case .varSpec, .constSpec:
            enterValueSpec(node)
        case .constDeclaration:
            constGroup = (nil, [])
        case .rangeClause:
            enterRange(node)
        case .receive:
            enterReceive(node)
        case .typeSpec:
            if isLocal, let name = node.child(.name) {
                declare(.localType, name: name, declNode: node, type: node.child(.type), bindNow: true)
            }
            if let parameters = node.child(.typeParameters) {
                pushScope(node)
                declareTypeParameters(parameters)
            }
        case .parameter:
            // Names of parameters in function types and interface methods declare nothing.
            for name in node.children(.name) where !analysis.isRecorded(name) { analysis.record(name, -1) }
        case .compositeLiteral:
            composites.append((node.child(.body)?.startByte ?? -1, node.child(.type)))
        case .literalValue:
            let type: Node?
            if let composite = composites.last, composite.bodyStart == node.startByte {
                type = composite.type
            } else {
                type = elementType(of: literals.last?.type)
            }
            literals.append((keysAreFields(type), type))
        case .keyedElement:
            if literals.last?.fieldKeys ?? true, let key = node.child(.key) {
                let name = key.kind == .literalElement ? key.namedChild(at: 0) : key
                if let name, name.kind == .identifier, name.endByte == key.endByte { analysis.record(name, -1) }
            }
        }
        return .visitChildren
    }

    /// After the walk left `node`'s children (a node without children has nothing to undo: every
    /// construct `enter` opens has tokens).
    func leave(_ node: Node) {
        switch WalkRole.of(node) {
        case .block:
            if functions.last?.bodyStart != node.startByte { popScope() }
        case .scope, .typeCase, .defaultCase:
            popScope()
        case .switchOrSelect, .typeSwitch:
            popScope()
            switches.removeLast()
        case .function:
            popScope()
            functions.removeLast()
        case .shortVar, .varSpec, .constSpec, .rangeClause, .receive:
            if let last = pending.last, last.start == node.startByte {
                pending.removeLast()
                for local in last.locals {
                    if let nameNode = analysis.locals[Int(local)].nameNode { bind(analysis.intern(nameNode), local) }
                }
            }
        case .typeSpec:
            if node.child(.typeParameters) != nil { popScope() }
        case .compositeLiteral:
            composites.removeLast()
        case .literalValue:
            literals.removeLast()
        default:
            break
        }
    }

    // MARK: Declaring constructs

    func enterFunction(_ node: Node) {
        functions.append((node, node.child(.body)?.startByte ?? -1))
        pushScope(node)
        if let parameters = node.child(.typeParameters) { declareTypeParameters(parameters) }
        if let receiver = node.child(.receiver) {
            declareParameters(receiver, kind: .receiver)
            // `func (l *List[T]) …` declares T.
            if let typeName = PackageScope.receiverTypeName(node), let generic = typeName.parent, generic.kind == .genericType,
               let arguments = generic.child(.typeArguments) {
                arguments.walk { argument in
                    if argument.kind == .typeIdentifier {
                        declare(.typeParam, name: argument, declNode: arguments, type: nil, bindNow: true)
                        return .skipChildren
                    }
                    return .visitChildren
                }
            }
        }
        if let parameters = node.child(.parameters) { declareParameters(parameters, kind: .param) }
        if let result = node.child(.result), result.kind == .parameterList { declareParameters(result, kind: .result) }
    }

    func declareParameters(_ list: Node, kind: DeclarationKind) {
        list.forEachChild { parameter in
            let parameterKind = parameter.kind
            guard parameterKind == .parameterDeclaration || parameterKind == .variadicParameterDeclaration else { return }
            let type = parameter.child(.type)
            for name in parameter.children(.name) {
                declare(kind, name: name, declNode: parameter, type: type,
                        variadic: parameterKind == .variadicParameterDeclaration, bindNow: true)
            }
        }
    }

    func declareTypeParameters(_ list: Node) {
        list.forEachChild { parameter in
            guard parameter.kind == .typeParameterDeclaration else { return }
            let constraint = parameter.child(.type)
            for name in parameter.children(.name) {
                declare(.typeParam, name: name, declNode: parameter, type: constraint, bindNow: true)
            }
        }
    }

    func enterShortVar(_ node: Node) {
        var declared: [Int32] = []
        let names = node.child(.left)?.namedChildren.filter { $0.kind != .comment } ?? []
        let values = node.child(.right)?.namedChildren.filter { $0.kind != .comment } ?? []
        let serial = scopes.last?.serial ?? 0
        for (position, name) in names.enumerated() where name.kind == .identifier {
            let existing = analysis.currentBinding(analysis.intern(name))
            if existing >= 0 && analysis.scopeSerial(ofLocal: existing) == serial {
                analysis.record(name, existing)  // redeclaration: an assignment
                continue
            }
            if let local = declare(.localVar, name: name, declNode: node, type: nil,
                                   origin: PackageScope.origin(position: position, names: names.count, values: values),
                                   bindNow: false) {
                declared.append(local)
            }
        }
        pending.append((node.startByte, declared))
    }

    func enterValueSpec(_ node: Node) {
        var declared: [Int32] = []
        if isLocal {
            let isConst = node.kind == .constSpec
            let names = node.children(.name)
            var type = node.child(.type)
            var values = node.child(.value)?.namedChildren.filter { $0.kind != .comment } ?? []
            if isConst {
                if type == nil && values.isEmpty { type = constGroup.type; values = constGroup.values }
                constGroup = (type, values)
            }
            for (position, name) in names.enumerated() {
                if let local = declare(isConst ? .localConst : .localVar, name: name, declNode: node, type: type,
                                       origin: PackageScope.origin(position: position, names: names.count, values: values),
                                       bindNow: false) {
                    declared.append(local)
                }
            }
        }
        pending.append((node.startByte, declared))
    }

    /// Whether the bytes between `left` and `right` hold `:=`.
    func isDefine(_ left: Node, _ right: Node) -> Bool {
        let bytes = analysis.file.source.bytes
        var index = left.endByte
        while index < right.startByte && index < bytes.count {
            if bytes[index] == UInt8(ascii: ":") { return true }
            index += 1
        }
        return false
    }

    func enterRange(_ node: Node) {
        var declared: [Int32] = []
        if let left = node.child(.left), let right = node.child(.right), isDefine(left, right) {
            let names = left.namedChildren.filter { $0.kind != .comment }
            for (position, name) in names.enumerated() where name.kind == .identifier {
                if let local = declare(.localVar, name: name, declNode: node, type: nil,
                                       origin: position == 0 ? .rangeKey(right) : .rangeValue(right), bindNow: false) {
                    declared.append(local)
                }
            }
        }
        pending.append((node.startByte, declared))
    }

    func enterReceive(_ node: Node) {
        var declared: [Int32] = []
        if let left = node.child(.left), let right = node.child(.right), isDefine(left, right) {
            let names = left.namedChildren.filter { $0.kind != .comment }
            for (position, name) in names.enumerated() where name.kind == .identifier {
                let origin: DeclarationOrigin = names.count == 1 ? .value(right) : .tupleElement(right, index: position)
                if let local = declare(.localVar, name: name, declNode: node, type: nil, origin: origin, bindNow: false) {
                    declared.append(local)
                }
            }
        }
        pending.append((node.startByte, declared))
    }

    // MARK: Composite literal keys

    /// Follows type names (locals in scope, then package types) to a type literal, a few steps.
    func underlyingTypeLiteral(_ type: Node?) -> Node? {
        guard var type else { return nil }
        for _ in 0..<8 {
            let kind = type.kind
            if kind == .typeIdentifier {
                let name = analysis.intern(type)
                let local = analysis.currentBinding(name)
                if local >= 0 {
                    let declaration = analysis.locals[Int(local)]
                    guard declaration.kind == .localType, let next = declaration.typeNode else { return nil }
                    type = next
                    continue
                }
                guard let declaration = analysis.packageScope.lookup(analysis.file.tree.text(type)),
                      declaration.kind == .packageType, let next = declaration.typeNode else { return nil }
                if declaration.file !== analysis.file {
                    // Another file: only its shape is needed here.
                    return next.kind == .typeIdentifier || next.kind == .qualifiedType ? nil : next
                }
                type = next
            } else if kind == .genericType, let inner = type.child(.type) {
                type = inner
            } else if kind == .parenthesizedType, let inner = type.namedChild(at: 0) {
                type = inner
            } else {
                return type
            }
        }
        return nil
    }

    func keysAreFields(_ type: Node?) -> Bool {
        guard let literal = underlyingTypeLiteral(type) else { return true }
        let kind = literal.kind
        return !(kind == .mapType || kind == .sliceType || kind == .arrayType || kind == .implicitLengthArrayType)
    }

    /// The element type of a slice, array or map literal type, for an elided nested literal.
    func elementType(of type: Node?) -> Node? {
        guard let literal = underlyingTypeLiteral(type) else { return nil }
        let kind = literal.kind
        var element: Node?
        if kind == .sliceType || kind == .arrayType || kind == .implicitLengthArrayType {
            element = literal.child(.element)
        } else if kind == .mapType {
            element = literal.child(.value)
        }
        if let pointer = element, pointer.kind == .pointerType { element = pointer.namedChild(at: 0) }
        return element
    }
}

// MARK: - Public API

extension GoFile {
    var analysis: FileAnalysis {
        if let analysisStorage { return analysisStorage }
        let created = FileAnalysis(file: self)
        analysisStorage = created
        return created
    }

    /// The package block this file resolves against (its package's, or its own when alone).
    public var packageScope: PackageScope { analysis.packageScope }

    /// The declaration an `identifier`, `type_identifier` or `package_identifier` refers to (or
    /// declares), through Go's scopes: locals with shadowing, the file's imports, the package block
    /// (all files of the package), the universe. Nil for field names, labels, keys of struct
    /// literals, names of parameters in function types, blank identifiers, and names declared
    /// nowhere visible (e.g. from a dot import).
    ///
    /// The first query in a top-level declaration resolves all of it in one iterative walk; later
    /// queries are a dictionary lookup.
    public func resolve(_ identifier: Node) -> Declaration? { analysis.resolve(identifier) }

    /// The declaration with this id, as returned by `resolve` on this file.
    public func declaration(_ id: DeclarationID) -> Declaration? { analysis.declaration(id) }

    /// The package-level, import or universe declaration `name` denotes in this file (no locals).
    public func lookupGlobal(_ name: String) -> Declaration? { analysis.lookupGlobal(name) }

    /// The imports of the file with a name (dot and blank imports excluded).
    public var imports: [Declaration] { analysis.locals.prefix { $0.kind == .importName } }

    /// The import paths of the file's `import . "path"` declarations.
    public var dotImports: [String] { analysis.dotImports }

    /// The import path an identifier used as a package qualifier (`sync` in `sync.Pool`, or an
    /// alias) refers to; nil if it is not an import (e.g. a local variable shadows it).
    public func importPath(ofQualifier identifier: Node) -> String? {
        guard let declaration = resolve(identifier), declaration.kind == .importName else { return nil }
        return declaration.importPath
    }

    /// Calls `body` for every identifier in `node`'s subtree that resolves, in source order, with
    /// its declaration (declaring identifiers included). Iterative; skips ERROR nodes.
    public func forEachReference(in node: Node, _ body: (Node, Declaration) -> Void) {
        let analysis = self.analysis
        node.walk { child in
            let kind = child.kind
            if kind == .identifier || kind == .typeIdentifier || kind == .packageIdentifier {
                if let declaration = analysis.resolve(child) { body(child, declaration) }
                return .skipChildren
            }
            return .visitChildren
        }
    }

    /// The identifiers in `node`'s subtree that refer to (or declare) `declaration`, in source
    /// order: what `forEachReference(in:)` finds for it, from an index built once per top-level
    /// declaration — linear in the references rather than in the subtree, so a rule that asks it
    /// of every loop of a deep nest stays linear.
    public func references(to declaration: Declaration, in node: Node) -> [Node] {
        analysis.references(to: declaration.id.raw, in: node)
    }

    /// The free variables of a func literal: the local variables (params, results and receivers
    /// included) of enclosing functions that it refers to — directly or from literals nested in it —
    /// each once, with its first reference, in source order. Package-level variables are not free
    /// variables. The literals of one top-level declaration are indexed together, in one walk.
    public func freeVariables(of literal: Node) -> [(identifier: Node, declaration: Declaration)] {
        let analysis = self.analysis
        analysis.indexCaptures(around: literal)
        return (analysis.literalCaptures[literal.startByte] ?? []).map { ($0.identifier, analysis.locals[Int($0.local)]) }
    }
}
