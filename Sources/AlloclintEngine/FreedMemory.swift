import Foundation

/// Returns the memory the C allocator holds free to the system: glibc's `malloc_trim`, looked up
/// when first used (a C library without it has nothing to do). The trees of a large package are
/// many small blocks; once freed they stay resident in the allocator's arena of the thread that
/// checked the package, and the next large package, checked by another thread, grows another
/// arena: without this, peak memory is the sum of the largest packages, not the largest.
enum FreedMemory {
    private typealias Trim = @convention(c) (Int) -> Int32
    private static let trim: Trim? = dlsym(nil, "malloc_trim").map { unsafeBitCast($0, to: Trim.self) }

    static func release() { _ = trim?(0) }
}
