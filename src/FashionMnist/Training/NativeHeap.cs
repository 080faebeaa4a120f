using System.Runtime.InteropServices;

namespace FashionMnist.Training;

/// <summary>
/// Tunes glibc's allocator, which libtorch allocates every tensor from, for a training loop that frees and
/// allocates the same large buffers at every step.
/// </summary>
/// <remarks>
/// By default glibc serves blocks above its mmap threshold with a fresh mapping and unmaps them when freed, and
/// returns the free top of the heap to the system beyond its trim threshold. Activations of a batch are freed
/// and allocated again at every step, so each step page-faulted and zeroed the same memory anew: on a 2-core
/// machine a fifth of the training time went to the kernel. Raising both thresholds keeps that memory in the
/// process for the next step. The peak resident memory stays what the largest step needs.
/// </remarks>
public static class NativeHeap
{
    // glibc's mallopt parameters (malloc.h).
    private const int TrimThreshold = -1;
    private const int MmapThreshold = -3;

    // The largest mmap threshold glibc accepts on 64-bit systems (HEAP_MAX_SIZE / 2).
    private const int MaxMmapThreshold = 32 * 1024 * 1024;
    private const int KeptFreeMemory = 1024 * 1024 * 1024;

    private static readonly Lock Gate = new();
    private static bool? _tuned;

    /// <summary>
    /// Applies the tuning once per process; true when it took effect. Has no effect, and returns false, outside
    /// glibc-based Linux systems.
    /// </summary>
    public static bool TuneForTraining()
    {
        lock (Gate)
        {
            if (_tuned is { } done)
                return done;
            _tuned = false;
            if (!OperatingSystem.IsLinux())
                return false;
            try
            {
                _tuned = mallopt(MmapThreshold, MaxMmapThreshold) == 1 && mallopt(TrimThreshold, KeptFreeMemory) == 1;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // musl and other C libraries have no mallopt; their allocator keeps its defaults.
            }
            return _tuned.Value;
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int parameter, int value);
}
