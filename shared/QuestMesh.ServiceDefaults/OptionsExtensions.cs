using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;

namespace QuestMesh.ServiceDefaults;

public static class OptionsExtensions
{
    /// <summary>Binds <typeparamref name="T"/> from <paramref name="section"/> once and validates it when the host starts.</summary>
    public static OptionsBuilder<T> AddQuestMeshOptions<T>(this IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>()
            .BindConfiguration(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
