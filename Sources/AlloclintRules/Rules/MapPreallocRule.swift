import AlloclintAnalysis
import AlloclintSyntax

/// `map-prealloc`: an empty map created right before a range over a collection of known length
/// that stores one entry in it on every iteration. Without a size hint the map starts small and
/// is rehashed into ever larger tables; `make(map[K]V, len(src))` sizes it once.
struct MapPreallocRule: Rule {
    static let id = "map-prealloc"
    static let kinds: [NodeKind] = [.forStatement]

    init(options: RuleOptions) {}

    func visit(_ loop: Node, _ context: RuleContext) {
        let file = context.file
        guard let site = DeclarationBeforeLoop(loop: loop, context: context),
              let mapType = emptyMapType(site, file),
              let store = singleStore(site, file), Placement.isUnconditional(store, in: site.body),
              !EarlyExit.exists(in: site.body, of: loop),
              let length = LoopLength.of(loop, file, countedLoops: false) else { return }

        let name = file.tree.text(site.name)
        let type = file.tree.text(mapType)
        let call = "make(\(type), \(length.shortText))"
        let message = "\(name) gets one entry per iteration of a loop of known length and is rehashed as it grows; "
            + (length.isHoistable ? "give it a size hint: \(call)" : "give it a size hint computed once before the loop: \(call)")
        // A negative hint is harmless for maps (the runtime treats it as 0).
        func sized(_ length: LoopLength) -> Fix {
            let call = "make(\(type), \(length.text))"
            return site.fix(make: call, description: "size \(name) with \(call)", tree: file.tree)
        }
        let fix = if let hoisted = HoistedRange(site, length, file) {
            hoisted.including(sized(hoisted.length))
        } else {
            length.isHoistable ? sized(length) : nil
        }
        context.report(site.statement, message, fix: fix)
    }

    /// The map type of an empty map made without a hint: `make(map[K]V)`, `map[K]V{}`.
    private func emptyMapType(_ site: DeclarationBeforeLoop, _ file: GoFile) -> Node? {
        guard let value = site.value, file.typeKind(of: site.declaration) == .map else { return nil }
        if value.kind == .compositeLiteral, let body = value.child(.body),
           !body.namedChildren.contains(where: { $0.kind != .comment }) {
            return value.child(.type)
        }
        if SideEffects.builtinCallName(value, file) == "make",
           let arguments = value.child(.arguments)?.namedChildren.filter({ $0.kind != .comment }), arguments.count == 1 {
            return arguments[0]
        }
        return nil
    }

    /// The one statement `m[k] = v` of the loop, when the loop mentions m nowhere else.
    private func singleStore(_ site: DeclarationBeforeLoop, _ file: GoFile) -> Node? {
        let references = site.references(in: site.loop, file)
        guard references.count == 1, let index = references[0].parent,
              ElementAccess.operand(of: index) == references[0], let targets = index.parent, targets.kind == .expressionList,
              targets.namedChildCount == 1, let statement = targets.parent, statement.kind == .assignmentStatement,
              statement.child(.left) == targets, let op = statement.child(.operator), file.tree.textEquals(op, "=") else { return nil }
        return statement
    }
}
