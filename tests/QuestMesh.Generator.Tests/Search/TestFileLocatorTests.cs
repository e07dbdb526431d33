using QuestMesh.Generator.Search;

namespace QuestMesh.Generator.Tests.Search;

public sealed class TestFileLocatorTests : IDisposable
{
    private readonly DirectoryInfo _project = Directory.CreateTempSubdirectory("questmesh-gen-locator-");

    public void Dispose() => _project.Delete(recursive: true);

    [Fact]
    public void For_project_without_tests_uses_a_new_tests_folder()
    {
        TestFileLocator.For(_project.FullName, "calc.py").ShouldBe("tests/test_questmesh_calc.py");
    }

    [Fact]
    public void For_project_with_test_folder_uses_it()
    {
        _project.CreateSubdirectory("test");

        TestFileLocator.For(_project.FullName, "pkg/calc.py").ShouldBe("test/test_questmesh_calc.py");
    }

    [Fact]
    public void For_project_with_both_folders_prefers_tests()
    {
        _project.CreateSubdirectory("test");
        _project.CreateSubdirectory("tests");

        TestFileLocator.For(_project.FullName, "calc.py").ShouldBe("tests/test_questmesh_calc.py");
    }

    [Fact]
    public void For_project_with_top_level_test_modules_puts_the_suite_beside_them()
    {
        File.WriteAllText(Path.Combine(_project.FullName, "test_existing.py"), "");

        TestFileLocator.For(_project.FullName, "calc.py").ShouldBe("test_questmesh_calc.py");
    }

    [Theory]
    [InlineData("src/shop/cart.py", "cart")]
    [InlineData("shop/__init__.py", "shop")]
    [InlineData("./my-module.py", "my_module")]
    [InlineData("pkg\\win.py", "win")]
    public void ModuleBaseName_is_an_identifier(string target, string expected)
    {
        TestFileLocator.ModuleBaseName(target).ShouldBe(expected);
    }
}
