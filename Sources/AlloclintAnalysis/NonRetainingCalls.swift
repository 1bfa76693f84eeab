import AlloclintSyntax

// Standard-library calls that only call their func arguments while they run and never keep them,
// so a closure passed to them can live on the caller's stack. This is the one list `loop-closure`
// consults; the compiler agrees (`-gcflags=-m` says `func literal does not escape` at these calls).

extension StandardLibrary {
    /// Functions by `path.Name`.
    static let nonRetainingFunctions: Set<String> = [
        "sort.Slice", "sort.SliceStable", "sort.SliceIsSorted", "sort.Search", "sort.Find",
        "strings.Map", "bytes.Map",
    ]

    /// Packages every function of which named `…Func` takes a callback it does not keep:
    /// `slices.SortFunc`, `slices.IndexFunc`…, `strings.IndexFunc`, `strings.TrimFunc`,
    /// `strings.FieldsFunc`…, and their `bytes` twins. (`strings.FieldsFuncSeq` returns an
    /// iterator that keeps it: its name does not end in `Func`.)
    static let packagesWithNonRetainingFuncHelpers: Set<String> = ["slices", "strings", "bytes"]

    /// Methods by `path.Type.Method`, receiver by value or pointer.
    static let nonRetainingMethods: Set<String> = ["sync.Once.Do"]
}

extension GoFile {
    /// Whether `call` (a `call_expression`) calls a standard-library function or method that only
    /// calls its func arguments while it runs and does not keep them: `sort.Slice`,
    /// `sort.SliceStable`, `sort.SliceIsSorted`, `sort.Search`, `sort.Find`, the `…Func` functions
    /// of `slices`, `strings` and `bytes`, `strings.Map`, `bytes.Map`, and `sync.Once.Do`. The
    /// package is resolved through the file's imports (aliases followed, shadowing names refused);
    /// a method needs the receiver's type to be known.
    public func callRetainsNoFuncArgument(_ call: Node) -> Bool {
        guard let function = call.child(.function), function.kind == .selectorExpression,
              let operand = function.child(.operand), let field = function.child(.field) else { return false }
        let name = tree.text(field)
        if operand.kind == .identifier, let path = importPath(ofQualifier: operand) {
            if StandardLibrary.nonRetainingFunctions.contains("\(path).\(name)") { return true }
            return name.hasSuffix("Func") && StandardLibrary.packagesWithNonRetainingFuncHelpers.contains(path)
        }
        guard let owner = methodOwner(of: type(of: operand), named: name)?.externalName else { return false }
        return StandardLibrary.nonRetainingMethods.contains("\(owner.path).\(owner.name).\(name)")
    }
}
