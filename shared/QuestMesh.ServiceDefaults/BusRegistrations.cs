using MassTransit;

namespace QuestMesh.ServiceDefaults;

/// <summary>
/// Consumers and sagas each service adds to the one bus of its host. Services call
/// <see cref="BusExtensions.AddQuestMeshConsumers"/> from their <c>AddXxx()</c>; the host calls
/// <see cref="BusExtensions.AddQuestMeshBus"/> once, which applies them all.
/// </summary>
public sealed class BusRegistrations
{
    private readonly List<Action<IBusRegistrationConfigurator>> _registrations = [];

    public void Add(Action<IBusRegistrationConfigurator> registration) => _registrations.Add(registration);

    public void ApplyTo(IBusRegistrationConfigurator configurator)
    {
        foreach (var registration in _registrations)
            registration(configurator);
    }
}
