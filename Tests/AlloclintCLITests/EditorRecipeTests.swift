import Foundation
import XCTest

/// The recipes of docs/editors.md against the binary's real text output: each pattern is taken out
/// of its fenced code block (found by the marker after the language: ```` ```lua nvim-lint ````),
/// translated to a regular expression where it is written in an editor's own notation, and must
/// read every finding's path, line, column, severity, message and rule as `--format json` states
/// them.
final class EditorRecipeTests: XCTestCase {
    /// A finding as the JSON report states it.
    struct Expected {
        var path: String
        var line: Int
        var column: Int
        var severity: String
        var message: String
        var rule: String
    }

    /// One finding of each severity, in a directory whose name has a space.
    private func realOutput() throws -> (lines: [String], expected: [Expected]) {
        let root = try makeTree([
            ".linter.yaml": "rules:\n  defer-in-loop: {severity: note}\n",
            "my pkg/loop.go": deferInLoopSource,
            "my pkg/pool.go": "package p\n\nimport \"sync\"\n\nvar pool sync.Pool\n\nfunc release(b []byte) {\n\tpool.Put(b)\n}\n",
            "my pkg/broken.go": "package p\n\nfunc broken() {\n\tx := \n}\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let text = try alloclint(["--color", "never", "./..."], in: root)
        let json = try alloclint(["--format", "json", "./..."], in: root)
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let expected = (report?["findings"] as? [[String: Any]] ?? []).map { finding in
            Expected(path: finding["path"] as? String ?? "", line: finding["line"] as? Int ?? 0, column: finding["column"] as? Int ?? 0,
                     severity: finding["severity"] as? String ?? "", message: finding["message"] as? String ?? "",
                     rule: finding["rule"] as? String ?? "")
        }
        XCTAssertEqual(Set(expected.map(\.severity)), ["error", "warning", "note"], json.stdout)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, expected.count, text.stdout)
        return (lines, expected)
    }

    func testNeovimErrorformatReadsTheOutput() throws {
        let block = try codeBlock("nvim-lint")
        let errorformat = try XCTUnwrap(firstCapture(#"from_errorformat\('([^']*)'"#, in: block))
        try assertErrorformat(errorformat)
    }

    func testVimMakeErrorformatReadsTheOutput() throws {
        let line = try XCTUnwrap(try codeBlock("vim-make").split(separator: "\n").first { $0.contains("errorformat=") })
        let setting = try XCTUnwrap(firstCapture(#"errorformat=((?:\\ |\S)+)"#, in: String(line)))
        try assertErrorformat(setting.replacingOccurrences(of: "\\ ", with: " "))
    }

    func testALEPatternReadsTheOutput() throws {
        let block = try codeBlock("ale")
        let pattern = try XCTUnwrap(firstCapture(#"let l:pattern = '([^']*)'"#, in: block))
        XCTAssertTrue(pattern.hasPrefix("\\v"), "the test reads very-magic Vim patterns only")
        let regex = try NSRegularExpression(pattern: String(pattern.dropFirst(2)))
        let types = ["error": "E", "warning": "W", "note": "I"]
        XCTAssertTrue(block.contains("let l:types = {'error': 'E', 'warning': 'W', 'note': 'I'}"))
        let (lines, expected) = try realOutput()
        for (line, finding) in zip(lines, expected) {
            let groups = try XCTUnwrap(captures(regex, line, groups: 6), line)
            XCTAssertEqual(Array(groups[1...6]), [finding.path, "\(finding.line)", "\(finding.column)", finding.severity, finding.message, finding.rule])
            XCTAssertNotNil(types[groups[4]])
        }
        if let vim = vimPath {
            let script = "let s:pattern = '\(pattern)'\nlet s:out = []\nfor s:line in readfile('output.txt')\n  call add(s:out, join(matchlist(s:line, s:pattern)[1:6], '|'))\nendfor\ncall writefile(s:out, 'result.txt')\nqa!\n"
            let result = try runVim(vim, script: script, output: lines)
            XCTAssertEqual(result, expected.map { "\($0.path)|\($0.line)|\($0.column)|\($0.severity)|\($0.message)|\($0.rule)" }, "real Vim")
        }
    }

    func testVSCodeProblemMatcherReadsTheOutput() throws {
        let block = try codeBlock("vscode-tasks")
        let tasks = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
        let task = try XCTUnwrap((tasks["tasks"] as? [[String: Any]])?.first)
        let matcher = try XCTUnwrap(task["problemMatcher"] as? [String: Any])
        XCTAssertEqual(matcher["fileLocation"] as? [String], ["relative", "${workspaceFolder}"])
        XCTAssertEqual((task["options"] as? [String: String])?["cwd"], "${workspaceFolder}", "paths are relative to the working directory")
        let pattern = try XCTUnwrap(matcher["pattern"] as? [String: Any])
        let regex = try NSRegularExpression(pattern: try XCTUnwrap(pattern["regexp"] as? String))
        func group(_ name: String) -> Int { pattern[name] as? Int ?? -1 }
        let (lines, expected) = try realOutput()
        for (line, finding) in zip(lines, expected) {
            let groups = try XCTUnwrap(captures(regex, line), line)
            XCTAssertEqual(groups[group("file")], finding.path)
            XCTAssertEqual(groups[group("line")], "\(finding.line)")
            XCTAssertEqual(groups[group("column")], "\(finding.column)")
            XCTAssertEqual(groups[group("severity")], finding.severity, "VS Code reads error, warning and note")
            XCTAssertEqual(groups[group("message")], finding.message)
            XCTAssertEqual(groups[group("code")], finding.rule)
        }
    }

    func testFlycheckErrorPatternsReadTheOutput() throws {
        let block = try codeBlock("flycheck")
        let start = try XCTUnwrap(block.range(of: ":error-patterns"))
        var parser = SExpressionParser(text: String(block[start.upperBound...]))
        guard case .list(let patterns) = try parser.next() else { return XCTFail("no :error-patterns list") }
        var regexes: [(level: String, regex: NSRegularExpression)] = []
        for case .list(let pattern) in patterns {
            guard case .symbol(let level) = pattern.first else { return XCTFail("pattern without a level") }
            regexes.append((level, try NSRegularExpression(pattern: try FlycheckRx.regex(pattern.dropFirst()))))
        }
        let levels = ["error": "error", "warning": "warning", "note": "info"]
        let (lines, expected) = try realOutput()
        for (line, finding) in zip(lines, expected) {
            let matching = regexes.filter { captures($0.regex, line) != nil }
            XCTAssertEqual(matching.map(\.level), [levels[finding.severity]], line)
            guard let regex = matching.first?.regex, let groups = captures(regex, line, groups: 5) else { continue }
            XCTAssertEqual(Array(groups[1...5]), [finding.path, "\(finding.line)", "\(finding.column)", finding.message, finding.rule])
        }
    }

    // MARK: - Vim errorformat

    private func assertErrorformat(_ errorformat: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let regex = try NSRegularExpression(pattern: try Errorformat.regex(errorformat))
        let (lines, expected) = try realOutput()
        for (text, finding) in zip(lines, expected) {
            let groups = try XCTUnwrap(captures(regex, text, groups: 5), text, file: file, line: line)
            XCTAssertEqual(Array(groups[1...5]), [finding.path, "\(finding.line)", "\(finding.column)", String(finding.severity.prefix(1)),
                                                  "\(finding.message) [\(finding.rule)]"], file: file, line: line)
        }
        if let vim = vimPath {
            let script = """
                let &errorformat = '\(errorformat.replacingOccurrences(of: "'", with: "''"))'
                cgetfile output.txt
                call writefile(map(filter(getqflist(), 'v:val.valid'), 'bufname(v:val.bufnr) . "|" . v:val.lnum . "|" . v:val.col . "|" . v:val.type . "|" . v:val.text'), 'result.txt')
                qa!

                """
            let result = try runVim(vim, script: script, output: lines)
            XCTAssertEqual(result, expected.map { "\($0.path)|\($0.line)|\($0.column)|\($0.severity.prefix(1))|\($0.message) [\($0.rule)]" },
                           "real Vim", file: file, line: line)
        }
    }

    /// Vim, when installed: the recipes are then also read by the real thing.
    private var vimPath: URL? {
        ["/usr/bin/vim", "/usr/local/bin/vim"].map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs a Vim script without any user configuration in a directory holding `output.txt`; returns `result.txt`.
    private func runVim(_ vim: URL, script: String, output: [String]) throws -> [String] {
        let directory = try makeTree(["output.txt": output.joined(separator: "\n") + "\n", "script.vim": script])
        defer { try? FileManager.default.removeItem(at: directory) }
        // The output's paths are relative to the directory alloclint ran in; Vim only needs the names.
        let run = try runProcess(vim, ["-N", "-u", "NONE", "-i", "NONE", "-n", "-es", "-S", "script.vim"], in: directory)
        let result = try String(contentsOf: directory.appendingPathComponent("result.txt"), encoding: .utf8)
        XCTAssertEqual(run.status, 0, run.stderr)
        return result.split(separator: "\n").map(String.init)
    }

    // MARK: - Helpers

    /// The body of the fenced code block whose info string ends with `marker`.
    private func codeBlock(_ marker: String) throws -> String {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/editors.md"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("```") && $0.split(separator: " ").last == Substring(marker) }),
              let end = lines[(start + 1)...].firstIndex(where: { $0.hasPrefix("```") }) else {
            throw XCTSkip("docs/editors.md has no code block marked \(marker)")
        }
        return lines[(start + 1)..<end].joined(separator: "\n")
    }

    private func firstCapture(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        return captures(regex, text)?[1]
    }

    /// The whole match and every group of the first match of `regex` in `text`; nil without a
    /// match or with fewer than `groups` groups.
    private func captures(_ regex: NSRegularExpression, _ text: String, groups: Int = 0) -> [String]? {
        let range = NSRange(text.startIndex..., in: text)
        guard let match = regex.firstMatch(in: text, range: range), match.numberOfRanges > groups else { return nil }
        return (0..<match.numberOfRanges).map { index in
            Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
        }
    }
}

/// Vim's errorformat, for the items the recipes use, as Vim's own translation does it: `%f`
/// followed by a character is the shortest non-empty text up to it, `%l`/`%c` numbers, `%t` one
/// character, `%*[...]` one or more of the class, `%m` the rest; the whole line must match.
enum Errorformat {
    struct Unsupported: Error { let item: String }

    static func regex(_ format: String) throws -> String {
        var result = "^"
        var characters = Array(format)[...]
        while let character = characters.popFirst() {
            guard character == "%" else { result += NSRegularExpression.escapedPattern(for: String(character)); continue }
            guard let item = characters.popFirst() else { throw Unsupported(item: "%") }
            switch item {
            case "f": result += "(.+?)"
            case "l", "c": result += "(\\d+)"
            case "t": result += "(.)"
            case "m": result += "(.+)"
            case "%": result += "%"
            case "*":
                guard characters.first == "[", let close = characters.firstIndex(of: "]") else { throw Unsupported(item: "%*") }
                result += String(characters[characters.startIndex...close]) + "+"
                characters = characters[(close + 1)...]
            default:
                throw Unsupported(item: "%\(item)")
            }
        }
        return result + "$"
    }
}

/// Emacs Lisp data as far as Flycheck patterns need: lists, strings and symbols.
indirect enum SExpression {
    case list([SExpression])
    case string(String)
    case symbol(String)
}

struct SExpressionParser {
    struct Malformed: Error {}
    private var characters: ArraySlice<Character>

    init(text: String) { characters = Array(text)[...] }

    mutating func next() throws -> SExpression {
        while let first = characters.first, first.isWhitespace || first == ";" {
            if first == ";" { characters = characters.drop { $0 != "\n" } } else { characters.removeFirst() }
        }
        guard let first = characters.popFirst() else { throw Malformed() }
        switch first {
        case "(":
            var items: [SExpression] = []
            while true {
                while characters.first?.isWhitespace == true { characters.removeFirst() }
                if characters.first == ")" { characters.removeFirst(); return .list(items) }
                items.append(try next())
            }
        case "\"":
            var text = ""
            while let character = characters.popFirst(), character != "\"" {
                text.append(character == "\\" ? characters.popFirst() ?? "\\" : character)
            }
            return .string(text)
        case ")":
            throw Malformed()
        default:
            var name = String(first)
            while let character = characters.first, !character.isWhitespace, character != "(", character != ")" {
                name.append(characters.removeFirst())
            }
            return .symbol(name)
        }
    }
}

/// Flycheck's rx forms used by the recipe, translated as Flycheck does: `(file-name)` is group 1
/// (shortest non-empty), `line` 2, `column` 3, `(message)` 4 (greedy), `(id …)` 5.
enum FlycheckRx {
    struct Unsupported: Error { let form: String }

    static func regex(_ forms: ArraySlice<SExpression>) throws -> String {
        try forms.map(translate).joined()
    }

    private static func translate(_ form: SExpression) throws -> String {
        switch form {
        case .string(let literal):
            return NSRegularExpression.escapedPattern(for: literal)
        case .symbol("line-start"): return "^"
        case .symbol("line-end"): return "$"
        case .symbol("line"), .symbol("column"): return "(\\d+)"
        case .symbol("not-newline"): return "."
        case .list(let items):
            guard case .symbol(let head) = items.first else { throw Unsupported(form: "\(form)") }
            let body = items.dropFirst()
            switch head {
            case "file-name": return body.isEmpty ? "(.+?)" : "(\(try regex(body)))"
            case "message": return body.isEmpty ? "(.+)" : "(\(try regex(body)))"
            case "id": return "(\(try regex(body)))"
            case "one-or-more": return "(?:\(try regex(body)))+"
            case "any":
                guard case .string(let set)? = body.first else { throw Unsupported(form: "\(form)") }
                return "[" + NSRegularExpression.escapedPattern(for: set) + "]"
            case "not":
                guard case .list(let inner)? = body.first, case .symbol("any")? = inner.first,
                      case .string(let set)? = inner.dropFirst().first else { throw Unsupported(form: "\(form)") }
                return "[^" + NSRegularExpression.escapedPattern(for: set) + "]"
            default:
                throw Unsupported(form: head)
            }
        default:
            throw Unsupported(form: "\(form)")
        }
    }
}
