using System.Diagnostics.Metrics;

namespace QuestMesh.Benchmarks.Distributed;

/// <summary>
/// Database commands this process sent and the time it waited for them, from Npgsql's own metrics
/// (<c>db.client.operation.duration</c>): where a saga event's time goes.
/// </summary>
public sealed class DatabaseOperations : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;
    private double _seconds;
    private readonly Lock _gate = new();

    public DatabaseOperations()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name == "db.client.operation.duration")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, _, _) =>
        {
            lock (_gate)
            {
                _count++;
                _seconds += seconds;
            }
        });
        _listener.Start();
    }

    public (long Count, double Seconds) Snapshot()
    {
        lock (_gate)
            return (_count, _seconds);
    }

    public void Dispose() => _listener.Dispose();
}
