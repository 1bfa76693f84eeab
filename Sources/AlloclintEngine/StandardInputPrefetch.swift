import AlloclintSyntax
import Dispatch
import Foundation

/// Standard input, read and parsed on a thread of its own from the start of the process. An
/// editor waits for the whole run, and parsing its file is the largest part of it (about half of
/// the time for a 2,000-line file): started before the command line is parsed, the parse overlaps
/// that, loading the catalogue and configuration, and reading the files of the package around it.
public final class StandardInputPrefetch: @unchecked Sendable {
    // Written by the prefetch thread before it leaves the group, read only after waiting on it.
    private let read = DispatchGroup()
    private let parsed = DispatchGroup()
    private var bytes: [UInt8] = []
    private var tree: SyntaxTree?
    private let lock = NSLock()

    /// Starts reading `input` (standard input; a pipe in tests) to its end.
    public init(reading input: FileHandle = .standardInput) {
        read.enter()
        parsed.enter()
        Thread.detachNewThread { [self] in
            bytes = Array(input.readDataToEndOfFile())
            read.leave()
            tree = (try? GoParser())?.parse(SourceText(bytes: bytes))
            parsed.leave()
        }
    }

    /// Everything standard input held (waits for the read).
    public var contents: [UInt8] {
        read.wait()
        return bytes
    }

    /// Whether the parse is over (without waiting).
    var isParsed: Bool { parsed.wait(timeout: .now()) == .success }

    /// The tree of standard input when `source` is its text, given once: a caller that changes
    /// the text (fixes) parses the new text itself. Waits for the parse.
    func takeTree(matching source: [UInt8]) -> SyntaxTree? {
        parsed.wait()
        lock.lock()
        defer { lock.unlock() }
        guard let tree, tree.source.bytes == source else { return nil }
        self.tree = nil
        return tree
    }
}
