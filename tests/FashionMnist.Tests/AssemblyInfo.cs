// libtorch's random generator and thread count are process-wide, so two test classes training at once would
// draw from each other's seeded generator and break the determinism that several tests check.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
