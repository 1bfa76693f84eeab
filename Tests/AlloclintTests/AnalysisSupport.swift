import AlloclintSyntax
@testable import AlloclintAnalysis
import XCTest

/// A parsed package for analysis tests; keeps the files (which keep their package) alive.
final class AnalysisFixture {
    let package: GoPackage
    let files: [GoFile]
    var file: GoFile { files[0] }

    init(_ sources: String..., goVersion: GoVersion = .newest) {
        let parser = try! GoParser()
        let files = sources.enumerated().map { index, text in
            GoFile(path: "f\(index).go", tree: parser.parse(SourceText(text)), goVersion: goVersion)
        }
        self.files = files
        package = GoPackage(directory: ".", files: files)
    }

    /// The identifier-like node starting at the `occurrence`-th (0-based) match of `marker`, offset
    /// by `offset` bytes into the match.
    func node(_ marker: String, _ occurrence: Int = 0, offset: Int = 0, in fileIndex: Int = 0,
              file: StaticString = #filePath, line: UInt = #line) -> Node? {
        let target = files[fileIndex]
        let bytes = target.source.bytes
        let needle = Array(marker.utf8)
        var found = -1, seen = 0, index = 0
        while index + needle.count <= bytes.count {
            if Array(bytes[index..<index + needle.count]) == needle {
                if seen == occurrence { found = index; break }
                seen += 1
            }
            index += 1
        }
        guard found >= 0 else { XCTFail("marker \(marker) #\(occurrence) not found", file: file, line: line); return nil }
        let start = found + offset
        var result: Node?
        target.tree.root.walk { node in
            if node.startByte > start || node.endByte <= start { return .skipChildren }
            if node.startByte == start && node.namedChildCount == 0 && node.isNamed { result = node; return .stop }
            return .visitChildren
        }
        if result == nil { XCTFail("no leaf at \(marker) #\(occurrence)", file: file, line: line) }
        return result
    }

    /// The smallest named node covering exactly the `occurrence`-th match of `marker`.
    func expression(_ marker: String, _ occurrence: Int = 0, in fileIndex: Int = 0,
                    file: StaticString = #filePath, line: UInt = #line) -> Node? {
        let target = files[fileIndex]
        let text = String(decoding: target.source.bytes, as: UTF8.self)
        var searchRange = text.startIndex..<text.endIndex
        var match: Range<String.Index>?
        for _ in 0...occurrence {
            guard let range = text.range(of: marker, range: searchRange) else { match = nil; break }
            match = range
            searchRange = range.upperBound..<text.endIndex
        }
        guard let match else { XCTFail("marker \(marker) not found", file: file, line: line); return nil }
        let start = text.utf8.distance(from: text.startIndex, to: match.lowerBound)
        let end = start + marker.utf8.count
        var result: Node?
        target.tree.root.walk { node in
            if node.startByte > start || node.endByte < end { return .skipChildren }
            if node.startByte == start && node.endByte == end && node.isNamed { result = node }
            return .visitChildren
        }
        if result == nil { XCTFail("no node spans \(marker)", file: file, line: line) }
        return result
    }

    /// The 1-based line of the declaring identifier of `identifier`'s declaration.
    func declarationLine(_ identifier: Node?, in fileIndex: Int = 0) -> Int? {
        guard let identifier, let declaration = files[fileIndex].resolve(identifier),
              let nameNode = declaration.nameNode, let declaringFile = declaration.file else { return nil }
        return declaringFile.source.position(at: nameNode.startByte).line
    }
}
