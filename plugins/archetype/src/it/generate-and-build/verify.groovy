// After archetype:generate and mvn package: the generated module passed its contract test and left its plugin folder.
import java.util.jar.JarFile

File module = new File(basedir, 'hello-perceptron')
assert new File(module, 'src/main/java/org/example/lectern/perceptron/PerceptronPlugin.java').isFile()

File report = new File(module, 'target/surefire-reports/TEST-org.example.lectern.perceptron.PerceptronPluginContractTest.xml')
assert report.isFile() : 'the contract test did not run'
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@tests.toInteger() >= 10 : "only ${suite.@tests} contract tests ran"
assert suite.@failures.toInteger() == 0 && suite.@errors.toInteger() == 0
println "contract test: ${suite.@tests} tests, ${suite.@skipped} skipped, in ${suite.@time} s"

File folder = new File(module, 'target/plugin/hello-perceptron')
def names = folder.list().sort()
assert names == ['hello-perceptron-1.0-SNAPSHOT.jar'] : "the plugin folder holds ${names}: the API, DJL and test jars must stay out"
new JarFile(new File(folder, names[0])).withCloseable { jar ->
    assert jar.manifest.mainAttributes.getValue('Lectern-Plugin-Api-Version') ==~ /\d+\.\d+\.\d+/
    assert jar.getEntry('META-INF/services/dev.lectern.plugin.api.LecturePlugin') != null
    assert jar.getInputStream(jar.getEntry('META-INF/services/dev.lectern.plugin.api.LecturePlugin')).text.trim() ==
            'org.example.lectern.perceptron.PerceptronPlugin'
}
println "plugin folder: ${folder.name}/${names}"
return true
