import AlloclintSyntax
import AlloclintAnalysis
import AlloclintRules
import XCTest

/// Pool rules through the RuleRunner, on cases beyond the catalogue fixtures.
final class PoolRuleTests: XCTestCase {
    func findings(_ source: String) -> [(rule: String, line: Int)] {
        let fixture = AnalysisFixture(source)
        let runner = RuleRunner(ruleTypes: registeredRules.filter { $0.id.hasPrefix("pool-") }, options: [:])
        return runner.run(fixture.file).map { ($0.ruleID, fixture.file.source.position(at: $0.range.lowerBound).line) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    }

    func assertFindings(_ source: String, _ expected: [(String, Int)], file: StaticString = #filePath, line: UInt = #line) {
        let actual = findings(source)
        XCTAssertEqual(actual.map { "\($0.rule):\($0.line)" }, expected.map { "\($0.0):\($0.1)" }, file: file, line: line)
    }

    func testUseAfterPutEdgeCases() {
        assertFindings("""
            package p

            import ("bytes"; "sync")

            var pool sync.Pool
            var strs sync.Pool

            func a(s string) string {
            \tstrs.Put(s)
            \treturn s
            }

            func b() []byte {
            \tbuf := pool.Get().(*bytes.Buffer)
            \tbuf.Reset()
            \tdefer func() { pool.Put(buf) }()
            \treturn buf.Bytes()
            }

            func c(ch chan int) {
            \tbuf := pool.Get().(*bytes.Buffer)
            \tselect {
            \tcase <-ch:
            \t\tpool.Put(buf)
            \t\treturn
            \tdefault:
            \t}
            \tbuf.Reset()
            \tpool.Put(buf)
            \tif buf != nil {
            \t}
            }

            func d(xs []*bytes.Buffer) {
            \tfor _, x := range xs {
            \t\tpool.Put(x)
            \t}
            }

            func e(b *bytes.Buffer) {
            \tpool.Put(b)
            \tgo func() { b.Reset() }()
            }
            """, [("pool-put-non-pointer", 9), ("pool-use-after-put", 17), ("pool-use-after-put", 42)])
    }

    func testUnresetAndNonPointerEdgeCases() {
        assertFindings("""
            package p

            import ("fmt"; gosync "sync")

            type state struct{ n int; names map[string]int }

            var pool = &gosync.Pool{New: func() any { return new(state) }}
            var maps gosync.Pool

            func a() {
            \ts := pool.Get().(*state)
            \ts.n++
            \tpool.Put(s)
            }

            func b(w []string) {
            \tm := maps.Get().(map[string]int)
            \tfor i, k := range w {
            \t\tm[k] = i
            \t}
            \tmaps.Put(m)
            }

            func c() {
            \tvar zero struct{}
            \tmaps.Put(zero)
            \tmaps.Put("constant")
            \tmaps.Put([0]int{})
            \tvar one [1]*int
            \tmaps.Put(one)
            \tb := make([]byte, 8)
            \tmaps.Put(&b)
            \tfmt.Println(len(b))
            }

            type notPool struct{}

            func (notPool) Put(x any) {}

            func d(p notPool, b []byte) {
            \tp.Put(b)
            }
            """, [("pool-unreset-put", 13), ("pool-unreset-put", 21)])
    }
}
