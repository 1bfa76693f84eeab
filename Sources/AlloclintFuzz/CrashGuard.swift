import Foundation
import Synchronization

/// Saves the input being executed when the process crashes (a trap, a stack overflow) or an
/// execution hangs, so that every failure becomes a file to replay and keep as a regression.
///
/// The signal handler may only make async-signal-safe calls, so everything it needs is prepared
/// in advance and reached through raw pointers: no allocation, no Swift exclusivity bookkeeping.
enum CrashGuard {
    /// Installs the handlers (on an alternate stack, so a stack overflow can be reported) and the
    /// watchdog that ends a run whose execution takes more than `hangSeconds` of CPU time (not wall
    /// time: the machine may be busy with other work).
    static func install(crashFile: String, hangSeconds: Double) {
        state.initialize(to: HandlerState(crashPath: strdup(crashFile)))
        let stackSize = 1 << 16
        var stack = stack_t(ss_sp: UnsafeMutableRawPointer.allocate(byteCount: stackSize, alignment: 16), ss_flags: 0,
                            ss_size: stackSize)
        sigaltstack(&stack, nil)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handleCrash
        action.sa_flags = SA_ONSTACK | Int32(bitPattern: SA_RESETHAND)
        let signals = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]
        sigemptyset(&action.sa_mask)
        for signal in signals { sigaddset(&action.sa_mask, signal) }  // one report, not interleaved ones
        for signal in signals { sigaction(signal, &action, nil) }

        let limit = UInt64(hangSeconds * 1e9)
        Thread.detachNewThread {
            while true {
                Thread.sleep(forTimeInterval: 1)
                let started = executionStart.load(ordering: .acquiring)
                if started != 0 && processorTime() - started > limit {
                    saveInputAndReport("hung (no result within the time limit)")
                    _exit(3)
                }
            }
        }
    }

    /// Runs `body` as execution `index` on `input`: a crash or hang inside it saves `input`.
    static func guarding<T>(_ input: [UInt8], execution index: Int, _ body: () -> T) -> T {
        input.withUnsafeBufferPointer { buffer in
            state.pointee.inputBase = buffer.baseAddress
            state.pointee.inputCount = buffer.count
            state.pointee.executionIndex = index
            executionStart.store(processorTime(), ordering: .releasing)
            defer {
                executionStart.store(0, ordering: .releasing)
                state.pointee.inputBase = nil
            }
            return body()
        }
    }

    /// Writes the input being executed to the crash file, and
    /// `alloclint-fuzz: execution N WHAT; input saved to FILE` to stderr (N < 0: a regression input).
    static func saveInputAndReport(_ what: StaticString) {
        let current = state.pointee
        guard let path = current.crashPath else { return }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd >= 0 {
            if let base = current.inputBase { _ = write(fd, base, current.inputCount) }
            close(fd)
        }
        if current.executionIndex < 0 {
            writeError("alloclint-fuzz: a regression input ")
        } else {
            writeError("alloclint-fuzz: execution ")
            var value = current.executionIndex, index = digitCount
            repeat {
                index -= 1
                digits[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            } while value > 0 && index > 0
            _ = write(STDERR_FILENO, digits + index, digitCount - index)
            writeError(" ")
        }
        writeError(what)
        writeError("; input saved to ")
        _ = write(STDERR_FILENO, path, strlen(path))
        writeError("\n")
    }

    private static func writeError(_ text: StaticString) {
        _ = write(STDERR_FILENO, text.utf8Start, text.utf8CodeUnitCount)
    }
}

/// What the signal handler reads.
private struct HandlerState {
    var crashPath: UnsafeMutablePointer<CChar>?
    var inputBase: UnsafePointer<UInt8>?
    var inputCount = 0
    var executionIndex = 0
}

private let state = UnsafeMutablePointer<HandlerState>.allocate(capacity: 1)
private let digitCount = 20
private let digits = UnsafeMutablePointer<UInt8>.allocate(capacity: digitCount)
/// The process's CPU time in nanoseconds when the current execution started; 0 between executions.
private let executionStart = Atomic<UInt64>(0)

/// CPU time used by the process so far, in nanoseconds (at least 1, so that 0 can mean "idle").
private func processorTime() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return max(1, UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec))
}

/// The signal handler: saves the input, says which execution crashed, and lets the signal kill
/// the process (SA_RESETHAND restored the default action).
private func handleCrash(_ signal: Int32) {
    CrashGuard.saveInputAndReport("crashed (a trap or a stack overflow)")
    raise(signal)
}
