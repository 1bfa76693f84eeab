import CTreeSitter
import Glibc

/// Guards against a crash of the tree-sitter runtime on hostile input.
///
/// tree-sitter 0.20.7 (Debian's) crashes when it recovers from a syntax error while its parse
/// stack holds 65,536 entries or more: the ERROR node it builds counts its children in 16 bits,
/// and freeing it corrupts the heap. Deep unclosed nests get there, and so do long runs of tokens
/// it cannot recover from (`x := x := x := …`); no real Go file does, but a linter must not die
/// on hostile input. Which inputs crash cannot be told without parsing, but a stack entry holds
/// at least one token: a file of fewer than `riskyTokenCount` tokens is safe. A larger one is
/// parsed first in a forked child process; when the child dies, the file is not parsed and gets
/// a syntax error instead. Large files that parse (generated tables, 100,000 nested
/// parentheses) are linted as usual, at the cost of a second parse. A parse that takes far too
/// long, in the child or not, gives up the same way.
enum ParserCrashGuard {
    /// Below 65,536 with room to spare: recovery may add a MISSING token here and there.
    static let riskyTokenCount = 60_000

    /// Whether `bytes` has enough tokens to crash the parser. Tokens are counted from above:
    /// every operator character counts.
    static func isRisky(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= riskyTokenCount else { return false }  // a token is one byte or more
        return bytes.withUnsafeBufferPointer { countsTokens(in: $0, reaching: riskyTokenCount) }
    }

    /// How long a parse of `byteCount` bytes may take, in seconds of CPU time (not wall time:
    /// a loaded machine must not turn a valid file into a syntax error): about ten times what
    /// tree-sitter needs on a slow machine. Error recovery on some hostile inputs takes time
    /// quadratic in their length (`x := x := …`: 45 s for 350 KB).
    static func timeLimit(forBytes byteCount: Int) -> Double { 2 + Double(byteCount) * 5e-6 }

    /// The calling thread's CPU time in seconds.
    static func threadCPUTime() -> Double { cpuTime(of: CLOCK_THREAD_CPUTIME_ID) ?? 0 }

    private static func cpuTime(of clock: clockid_t) -> Double? {
        var time = timespec()
        guard clock_gettime(clock, &time) == 0 else { return nil }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Parses `bytes` in a child process; false when the child did not exit normally, or did not
    /// finish within the time limit (it is then killed).
    static func parseSurvivesInChild(_ bytes: [UInt8], language: OpaquePointer) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { text in
                let pid = fork()
                if pid == 0 {
                    // The child runs C only (glibc's malloc is fork-safe; the Swift runtime's locks
                    // may be held by the parent's other threads): no core file, no glibc message.
                    var noCore = rlimit(rlim_cur: 0, rlim_max: 0)
                    setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &noCore)
                    let null = open("/dev/null", O_WRONLY)
                    if null >= 0 { dup2(null, STDERR_FILENO) }
                    let parser = ts_parser_new()
                    _ = ts_parser_set_language(parser, language)
                    _ = ts_parser_parse_string(parser, nil, text.baseAddress, UInt32(text.count))
                    _exit(0)
                }
                guard pid > 0 else { return false }
                var status: Int32 = 0
                // The child's CPU time; without its clock, the time spent waiting for it.
                var childClock = clockid_t()
                let hasClock = clock_getcpuclockid(pid, &childClock) == 0
                var waited = 0.0
                let limit = timeLimit(forBytes: text.count)
                while true {
                    let done = waitpid(pid, &status, WNOHANG)
                    if done == pid { return status == 0 }  // exited with status 0, not killed by a signal
                    if done < 0 && errno != EINTR { return false }
                    if (hasClock ? cpuTime(of: childClock) ?? waited : waited) > limit {
                        kill(pid, SIGKILL)
                        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                        return false
                    }
                    usleep(2_000)
                    waited += 0.002
                }
            }
        }
    }

    /// Whether `bytes` holds at least `limit` tokens, never counting fewer than Go's lexer: words
    /// and numbers (split at a `.`), string, rune and raw string literals count one each,
    /// comments none, any other character one.
    private static func countsTokens(in bytes: UnsafeBufferPointer<UInt8>, reaching limit: Int) -> Bool {
        var tokens = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                continue
            case UInt8(ascii: "/") where index < count && bytes[index] == UInt8(ascii: "/"):
                while index < count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            case UInt8(ascii: "/") where index < count && bytes[index] == UInt8(ascii: "*"):
                index += 1
                while index < count && !(bytes[index] == UInt8(ascii: "*") && index + 1 < count && bytes[index + 1] == UInt8(ascii: "/")) {
                    index += 1
                }
                index = min(index + 2, count)
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                while index < count && bytes[index] != byte && bytes[index] != UInt8(ascii: "\n") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                index = min(index + 1, count)
            case UInt8(ascii: "`"):
                while index < count && bytes[index] != UInt8(ascii: "`") { index += 1 }
                index = min(index + 1, count)
            case _ where SourceText.isIdentifierByte(byte):
                while index < count && SourceText.isIdentifierByte(bytes[index]) { index += 1 }
            default:
                break
            }
            tokens += 1
            if tokens >= limit { return true }
        }
        return false
    }
}
