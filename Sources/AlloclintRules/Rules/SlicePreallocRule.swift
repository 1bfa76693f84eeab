import AlloclintAnalysis
import AlloclintSyntax

/// `slice-prealloc`: an empty slice declared right before a loop with a known trip count that
/// appends one element to it on every iteration. Each time the backing array is full, append
/// allocates a larger one and copies everything; `make([]T, 0, n)` allocates once.
struct SlicePreallocRule: Rule {
    static let id = "slice-prealloc"
    static let kinds: [NodeKind] = [.forStatement]

    /// Also flag a single append inside `if` branches (the trip count is then an upper bound).
    let conditional: Bool

    init(options: RuleOptions) {
        conditional = options.bool("conditional", default: false)
    }

    func visit(_ loop: Node, _ context: RuleContext) {
        let file = context.file
        guard let site = DeclarationBeforeLoop(loop: loop, context: context),
              let sliceType = emptySliceType(site, file),
              let append = singleAppend(site, file),
              conditional ? Placement.isInIfBranches(append, in: site.body) : Placement.isUnconditional(append, in: site.body),
              !EarlyExit.exists(in: site.body, of: loop),
              let length = LoopLength.of(loop, file, countedLoops: true) else { return }

        let name = file.tree.text(site.name)
        let call = "make(\(file.tree.text(sliceType)), 0, \(length.shortText))"
        let isUnconditional = Placement.isUnconditional(append, in: site.body)
        var message = isUnconditional
            ? "\(name) grows by one append per iteration of a loop with a known trip count, reallocating and copying as it goes; "
            : "\(name) grows by append in a loop with a known trip count (at most \(length.shortText) elements); "
        message += length.isHoistable ? "preallocate it: \(call)" : "preallocate it with the length computed once before the loop: \(call)"
        if !length.isNonNegative { message += " (if \(length.shortText) cannot be negative)" }

        let fix = if let hoisted = HoistedRange(site, length, file) {
            hoisted.including(safeFix(site, hoisted.length, sliceType, isUnconditional, file))
        } else {
            safeFix(site, length, sliceType, isUnconditional, file)
        }
        context.report(site.statement, message, fix: fix)
    }

    /// The fix when it is certainly correct.
    private func safeFix(_ site: DeclarationBeforeLoop, _ length: LoopLength, _ sliceType: Node, _ isUnconditional: Bool, _ file: GoFile) -> Fix? {
        guard length.isHoistable else { return nil }
        let name = file.tree.text(site.name)
        let call = "make(\(file.tree.text(sliceType)), 0, \(length.text))"
        if site.value != nil || (isUnconditional && (Int(length.text) ?? 0) > 0) {
            // With a value it is non-nil already; with a positive literal count the loop always runs.
            return length.isNonNegative ? site.fix(make: call, description: "preallocate \(name) with \(call)", tree: file.tree) : nil
        }
        // `var s []T` is nil, and `make` in its place would leave it empty but non-nil when the
        // loop does not run (JSON `null` becomes `[]`, `== nil` checks change). Made only when the
        // loop runs, it ends non-nil exactly when the appends would have made it so; the guard
        // also keeps a negative count away from `make`. A conditional append may leave it nil
        // where the loop runs: no fix then.
        guard isUnconditional else { return nil }
        let condition = (length.text.contains(" ") ? "(\(length.text))" : length.text) + " > 0"
        return site.fixKeepingNil(make: call, when: condition, description: "preallocate \(name) with \(call) when \(condition)",
                                  source: file.source)
    }

    /// The slice type of an empty declaration: `var s []T`, `[]T{}`, `make([]T, 0)`.
    private func emptySliceType(_ site: DeclarationBeforeLoop, _ file: GoFile) -> Node? {
        guard file.typeKind(of: site.declaration) == .slice else { return nil }
        guard let value = site.value else { return site.spec?.child(.type) }
        if value.kind == .compositeLiteral, let body = value.child(.body),
           !body.namedChildren.contains(where: { $0.kind != .comment }) {
            return value.child(.type)
        }
        if SideEffects.builtinCallName(value, file) == "make",
           let arguments = value.child(.arguments)?.namedChildren.filter({ $0.kind != .comment }),
           arguments.count == 2, arguments[1].kind == .intLiteral, file.tree.textEquals(arguments[1], "0") {
            return arguments[0]
        }
        return nil
    }

    /// The one statement `s = append(s, x)` of the loop, when the loop mentions s nowhere else.
    private func singleAppend(_ site: DeclarationBeforeLoop, _ file: GoFile) -> Node? {
        let references = site.references(in: site.loop, file)
        guard references.count == 2, let targets = references[0].parent, targets.kind == .expressionList,
              targets.namedChildCount == 1, let statement = targets.parent, statement.kind == .assignmentStatement,
              statement.child(.left) == targets, let op = statement.child(.operator), file.tree.textEquals(op, "="),
              let values = statement.child(.right)?.namedChildren, values.count == 1,
              SideEffects.builtinCallName(values[0], file) == "append",
              let arguments = values[0].child(.arguments)?.namedChildren.filter({ $0.kind != .comment }),
              arguments.count == 2, arguments[0] == references[1],
              arguments[1].kind != .variadicArgument else { return nil }
        return statement
    }
}
