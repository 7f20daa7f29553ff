using Xunit;

// Nodes of one spec time each other out: specs run one at a time, so that another spec's nodes, servers and GC pauses do
// not starve them on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
