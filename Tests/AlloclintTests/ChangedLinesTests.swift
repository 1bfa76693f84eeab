@testable import AlloclintEngine
import Foundation
import XCTest

/// Reading `git diff --unified=0` output for `--new-from-rev`.
final class ChangedLinesTests: XCTestCase {
    func testHunksQuotedNamesAndContentThatLooksLikeHeaders() {
        let diff = """
            diff --git a/a.go b/a.go
            index 1111111..2222222 100644
            --- a/a.go
            +++ b/a.go
            @@ -3,0 +4,2 @@ func f() {
            ++++ b/fake.go
            +@@ -1 +1,9 @@
            @@ -10 +12 @@
            -old
            \\ No newline at end of file
            +new
            @@ -20,3 +22,0 @@
            -gone
            -gone
            -gone
            diff --git "a/q\\"uote\\t\\303\\251.go" "b/q\\"uote\\t\\303\\251.go"
            --- "a/q\\"uote\\t\\303\\251.go"
            +++ "b/q\\"uote\\t\\303\\251.go"
            @@ -1 +1 @@
            -x
            +y
            diff --git a/sp ace.go b/sp ace.go
            --- a/sp ace.go\t
            +++ b/sp ace.go\t
            @@ -0,0 +1,3 @@
            +a
            +b
            +c
            diff --git a/deleted.go b/deleted.go
            --- a/deleted.go
            +++ /dev/null
            @@ -1,2 +0,0 @@
            -a
            -b

            """
        let changes = ChangedLines(diff: diff, root: "/r")
        func lines(_ path: String) -> [Int]? {
            guard let found = changes.changes(in: path) else { return nil }
            return (1...30).filter { found.contains(line: $0) }
        }
        XCTAssertEqual(lines("/r/a.go"), [4, 5, 12])
        XCTAssertNil(lines("/r/fake.go"), "hunk content is not a file header")
        XCTAssertEqual(lines("/r/q\"uote\té.go"), [1])
        XCTAssertEqual(lines("/r/sp ace.go"), [1, 2, 3])
        XCTAssertNil(lines("/r/deleted.go"))
    }
}
