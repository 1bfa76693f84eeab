import AlloclintSyntax
import XCTest

final class SourceTextTests: XCTestCase {
    /// UTF-16 columns come from a table of multi-byte sequences, not from decoding the line: they
    /// must agree with decoding it, for every sequence start, on valid and invalid UTF-8.
    func testUTF16ColumnsAgreeWithDecoding() {
        let lines: [[UInt8]] = [
            Array("x := \"é€😀\" + y".utf8),
            [0x61, 0xFF, 0x62, 0xE2, 0x82, 0x63, 0xF0, 0x9F, 0x64],  // a, stray byte, b, cut sequences
            Array("\t// ascii only".utf8),
            Array("😀😀 z".utf8),
        ]
        let bytes = Array(lines.joined(separator: [0x0A]))
        let source = SourceText(bytes: bytes)
        var lineStart = 0
        for (number, line) in lines.enumerated() {
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = line.makeIterator()
            var column = 0  // byte offset in the line of the next sequence start
            while true {
                let position = source.position(at: lineStart + column)
                let expected = String(decoding: line[..<column], as: UTF8.self).utf16.count + 1
                XCTAssertEqual(position.line, number + 1)
                XCTAssertEqual(position.utf16Column, expected, "line \(number + 1), byte \(column)")
                switch parser.parseScalar(from: &iterator) {
                case .valid(let encoded): column += encoded.count
                case .error(let length): column += length
                case .emptyInput: break
                }
                if column >= line.count {
                    let end = source.position(at: lineStart + line.count)
                    XCTAssertEqual(end.utf16Column, String(decoding: line, as: UTF8.self).utf16.count + 1)
                    break
                }
            }
            lineStart += line.count + 1
        }
    }

    func testContainsWholeWordsOnly() {
        let source = SourceText("srcs := f(source) // é_src\nsrc")
        XCTAssertTrue(source.containsWord("src"), "at the end")
        XCTAssertTrue(source.containsWord("source"))
        XCTAssertFalse(source.containsWord("sour"))
        XCTAssertFalse(SourceText("srcs // é_src xsrc").containsWord("src"))
    }
}
