/// A unified diff (`diff -u` / `git diff` format, `--- a/path` and `+++ b/path` headers, three
/// lines of context) between two versions of a file, for `--diff`.
public enum UnifiedDiff {
    public static func render(path: String, original: [UInt8], fixed: [UInt8], context: Int = 3) -> String {
        let old = lines(original), new = lines(fixed)
        let operations = editScript(old, new)
        guard operations.contains(where: { $0 != .equal }) else { return "" }

        var text = "--- a/\(path)\n+++ b/\(path)\n"
        for hunk in hunks(operations, context: context) {
            var oldLine = hunk.oldStart, newLine = hunk.newStart
            var body = ""
            var oldCount = 0, newCount = 0
            for operation in operations[hunk.range] {
                switch operation {
                case .equal:
                    body += line(" ", old[oldLine]); oldLine += 1; newLine += 1; oldCount += 1; newCount += 1
                case .delete:
                    body += line("-", old[oldLine]); oldLine += 1; oldCount += 1
                case .insert:
                    body += line("+", new[newLine]); newLine += 1; newCount += 1
                }
            }
            text += "@@ -\(range(hunk.oldStart, oldCount)) +\(range(hunk.newStart, newCount)) @@\n" + body
        }
        return text
    }

    enum Operation: Equatable { case equal, delete, insert }

    /// Lines with their terminating newline, if any (a last line without one differs from the
    /// same text with one, as in diff).
    private static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            result.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { result.append(bytes[start...]) }
        return result
    }

    private static func line(_ marker: String, _ bytes: ArraySlice<UInt8>) -> String {
        if bytes.last == UInt8(ascii: "\n") { return marker + String(decoding: bytes, as: UTF8.self) }
        return marker + String(decoding: bytes, as: UTF8.self) + "\n\\ No newline at end of file\n"
    }

    /// `start,count` with diff's conventions: 1-based; `,1` omitted; an empty range names the line
    /// before it.
    private static func range(_ start: Int, _ count: Int) -> String {
        switch count {
        case 0: return "\(start),0"
        case 1: return "\(start + 1)"
        default: return "\(start + 1),\(count)"
        }
    }

    /// The shortest edit script (Myers) from `old` to `new`, after the common prefix and suffix.
    static func editScript(_ old: [ArraySlice<UInt8>], _ new: [ArraySlice<UInt8>]) -> [Operation] {
        var prefix = 0
        while prefix < old.count && prefix < new.count && old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix && suffix < new.count - prefix
            && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let a = old[prefix..<(old.count - suffix)], b = new[prefix..<(new.count - suffix)]
        let middle = myers(Array(a), Array(b))
        return Array(repeating: .equal, count: prefix) + middle + Array(repeating: .equal, count: suffix)
    }

    private static func myers(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>]) -> [Operation] {
        let n = a.count, m = b.count
        if n == 0 { return Array(repeating: .insert, count: m) }
        if m == 0 { return Array(repeating: .delete, count: n) }
        let offset = n + m
        var frontier = [Int](repeating: 0, count: 2 * offset + 2)
        var trace: [[Int]] = []
        search: for d in 0...(n + m) {
            trace.append(frontier)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]) {
                    x = frontier[offset + k + 1]
                } else {
                    x = frontier[offset + k - 1] + 1
                }
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                frontier[offset + k] = x
                if x >= n && y >= m { break search }
            }
        }
        // Walk the trace back from (n, m).
        var operations: [Operation] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let previous = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && previous[offset + k - 1] < previous[offset + k + 1])) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : previous[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX && y > previousY { operations.append(.equal); x -= 1; y -= 1 }
            if d > 0 { operations.append(x == previousX ? .insert : .delete) }
            x = previousX; y = previousY
        }
        return operations.reversed()
    }

    private struct Hunk {
        var range: Range<Int>
        /// 0-based first lines of the hunk in the old and new file.
        var oldStart: Int
        var newStart: Int
    }

    /// Groups changes with `context` equal lines around them; changes closer than twice the context
    /// share a hunk.
    private static func hunks(_ operations: [Operation], context: Int) -> [Hunk] {
        var result: [Hunk] = []
        var oldLine = 0, newLine = 0
        var current: Hunk?
        var lastChange = -1
        for (index, operation) in operations.enumerated() {
            if operation != .equal {
                if var hunk = current, index - lastChange - 1 <= 2 * context {
                    hunk.range = hunk.range.lowerBound..<index + 1
                    current = hunk
                } else {
                    if var hunk = current {
                        hunk.range = hunk.range.lowerBound..<min(operations.count, lastChange + 1 + context)
                        result.append(hunk)
                    }
                    let lead = min(context, index)  // the operations before a new hunk are all equal
                    current = Hunk(range: (index - lead)..<(index + 1), oldStart: oldLine - lead, newStart: newLine - lead)
                }
                lastChange = index
            }
            if operation != .insert { oldLine += 1 }
            if operation != .delete { newLine += 1 }
        }
        if var hunk = current {
            hunk.range = hunk.range.lowerBound..<min(operations.count, lastChange + 1 + context)
            result.append(hunk)
        }
        return result
    }
}
