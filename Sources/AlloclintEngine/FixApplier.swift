import AlloclintRules
import AlloclintSyntax

/// What `--fix` and `--diff` do with the safe fixes of the reported findings.
public enum FixMode: Sendable {
    /// Report findings; fixes only travel with them (e.g. in json output).
    case none
    /// Rewrite the files (atomically); standard input is never written.
    case apply
    /// Compute the fixed sources without writing anything.
    case diff
}

/// A file the safe fixes change.
public struct FixedFile: Sendable {
    /// The display path (as in findings).
    public var path: String
    public var absolutePath: String
    public var original: [UInt8]
    public var fixed: [UInt8]
    /// How many findings the fixes resolved.
    public var fixCount: Int
    /// The source came from standard input: printed, never written.
    public var isStandardInput: Bool
}

/// Applies the fixes of one file's findings to its source: never two fixes whose edits overlap
/// (the later one waits for the next round), and never a fix after which the source no longer
/// parses.
public enum FixApplier {
    public struct Outcome {
        /// The source with the applied fixes.
        public var bytes: [UInt8]
        public var applied: [Fix] = []
        /// Fixes left for a later round because they overlap an applied one.
        public var deferred: [Fix] = []
        /// Fixes after which the file would not parse.
        public var refused: [Fix] = []
    }

    /// `source` must parse cleanly: syntax errors in the result are then the fixes' doing.
    public static func apply(_ fixes: [Fix], to source: [UInt8], parser: GoParser) -> Outcome {
        var outcome = Outcome(bytes: source)
        var accepted: [Fix] = []
        for fix in fixes.sorted(by: { ($0.edits.map(\.range.lowerBound).min() ?? 0) < ($1.edits.map(\.range.lowerBound).min() ?? 0) }) {
            let fits = fix.edits.allSatisfy { $0.range.upperBound <= source.count }
                && !fix.edits.contains { edit in accepted.contains { $0.edits.contains { overlaps($0.range, edit.range) } } }
                && !hasOverlap(fix.edits)
            if fits { accepted.append(fix) } else { outcome.deferred.append(fix) }
        }
        guard !accepted.isEmpty else { return outcome }

        let all = applying(accepted, to: source)
        if parses(all, parser) {
            outcome.bytes = all
            outcome.applied = accepted
            return outcome
        }
        // Some fix breaks the syntax: add them one at a time and keep those that parse.
        for fix in accepted {
            let candidate = applying(outcome.applied + [fix], to: source)
            if parses(candidate, parser) {
                outcome.applied.append(fix)
                outcome.bytes = candidate
            } else {
                outcome.refused.append(fix)
            }
        }
        return outcome
    }

    /// Two edits conflict when their ranges intersect or both start at the same offset (two
    /// insertions there would have no defined order).
    static func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.lowerBound == b.lowerBound || (a.lowerBound < b.upperBound && b.lowerBound < a.upperBound)
    }

    private static func hasOverlap(_ edits: [TextEdit]) -> Bool {
        let sorted = edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
        return zip(sorted, sorted.dropFirst()).contains { overlaps($0.range, $1.range) }
    }

    /// The source with every edit of `fixes` applied (edits must not overlap).
    private static func applying(_ fixes: [Fix], to source: [UInt8]) -> [UInt8] {
        var result = source
        for edit in fixes.flatMap(\.edits).sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            result.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
        }
        return result
    }

    private static func parses(_ bytes: [UInt8], _ parser: GoParser) -> Bool {
        parser.parse(SourceText(bytes: bytes)).parsesCleanly
    }
}
