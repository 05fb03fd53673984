// The "Use it in your project" path of docs/getting-started.md, as a user follows it: the files it
// shows, copied into an empty directory, and the commands it shows, run there with bash, once per
// Maven found. Every file and command comes out of the blocks marked `<!-- readme-project: NAME -->`
// in docs/getting-started.md: nothing here is a second copy of them.
import java.util.concurrent.TimeUnit

File root = new File(rootDir as String).canonicalFile
String guidePath = 'docs/getting-started.md'
String guide = new File(root, guidePath).getText('UTF-8')
def blocks = [:]
def matcher = guide =~ /(?s)<!-- readme-project: (\S+) -->\s*```\w*\n(.*?)```/
matcher.each { all, name, text -> blocks[name] = text }
assert blocks.keySet().containsAll(['pom.xml', 'commands']) : "${guidePath} has no readme-project blocks: ${blocks.keySet()}"

// The Telltale artifacts come from the repository the invoker installed them into; the rest from the
// invoking build's own local repository, then Maven Central.
File settings = new File(basedir, 'settings.xml')
settings.text = """<settings>
  <localRepository>${localRepositoryPath}</localRepository>
  <profiles><profile><id>outer</id><activation><activeByDefault>true</activeByDefault></activation>
    <repositories><repository><id>outer</id><url>${new File(outerRepository as String).toURI()}</url></repository></repositories>
    <pluginRepositories><pluginRepository><id>outer</id><url>${new File(outerRepository as String).toURI()}</url></pluginRepository></pluginRepositories>
  </profile></profiles>
</settings>"""

String version(File mavenHome) {
    def out = new StringBuilder()
    def p = [new File(mavenHome, 'bin/mvn').path, '--version'].execute(["JAVA_HOME=${System.getProperty('java.home')}"], null)
    p.consumeProcessOutput(out, out)
    p.waitFor(2, TimeUnit.MINUTES)
    def m = out =~ /Apache Maven (\S+)/
    return m.find() ? m.group(1) : 'unknown'
}

def mavens = [:]
File running = new File(System.getProperty('maven.home'))
mavens[version(running)] = running
def onPath = System.getenv('PATH').split(File.pathSeparator).collect { new File(it, 'mvn') }.find { it.canExecute() }
if (onPath != null) {
    File home = onPath.canonicalFile.parentFile.parentFile
    mavens.putIfAbsent(version(home), home)
}
println "readme-project: Mavens ${mavens.keySet()}, JDK ${System.getProperty('java.version')}"

mavens.each { mavenVersion, mavenHome ->
    File work = new File(basedir, "maven-${mavenVersion}")
    work.deleteDir()
    blocks.each { name, text ->
        if (name != 'commands') {
            File file = new File(work, name)
            file.parentFile.mkdirs()
            file.setText(text, 'UTF-8')
        }
    }
    new File(work, '.mvn').mkdirs()
    new File(work, '.mvn/maven.config').text = "-s\n${settings.path}\n"
    def env = System.getenv().findAll { k, v -> !(k in ['MAVEN_OPTS', 'MAVEN_ARGS', 'MAVEN_CONFIG']) }
    env['PATH'] = new File(mavenHome, 'bin').path + File.pathSeparator + env['PATH']
    env['JAVA_HOME'] = System.getProperty('java.home')
    env['TELLTALE'] = root.path
    def process = new ProcessBuilder('bash', '-e', '-c', blocks['commands'])
            .directory(work).redirectErrorStream(true)
    process.environment().clear()
    process.environment().putAll(env)
    def started = process.start()
    String output = started.inputStream.getText('UTF-8')
    assert started.waitFor(10, TimeUnit.MINUTES)
    new File(work, 'output.txt').text = output
    println "readme-project with Maven ${mavenVersion}:\n${output}"
    assert started.exitValue() == 0 : "the commands of ${guidePath} failed with Maven ${mavenVersion}"

    // Maven 3.8 writes colour resets (ESC[0m) even with -B -q; a terminal shows nothing of them.
    def lines = output.replaceAll(/\u001B\[[0-9;]*m/, '').readLines()
    // Twice the program's three lines: the events build, then the plain one.
    assert lines.count { it == 'Hello, Ada' } == 2
    assert lines.count { it == 'Hello, Grace' } == 2
    assert lines.count { it == 'error: no name' } == 2
    // The events build recorded five events and, closing, the recorder's final account; tail shows them.
    def recorded = new File(work, 'events.jsonl').readLines('UTF-8')
    assert recorded.size() == 6 : recorded
    assert recorded.last().contains('"type":"recorder_account","final":true') : recorded
    assert recorded.last().contains('"emitted":5,"persisted":5,"dropped_total":0,"lost_total":0') : recorded
    assert recorded.count { it.contains('"command_succeeded"') && it.contains('"greet"') } == 2
    assert recorded.count { it.contains('"command_failed"') && it.contains('no name') } == 1
    assert lines.count { it =~ /\bgreet\s+ok\b/ } == 2
    assert lines.count { it =~ /\bgreet\s+FAILED\b.*no name/ } == 1
    assert lines.count { it.contains('session started (API)') } == 1
    assert lines.count { it.contains('session ended (3 commands, 1 failed') } == 1
    // The plain build recorded nothing: no generated subclass in its classes.
    assert !new File(work, 'target/classes/com/example/Greeter_Events.class').exists()
    assert new File(work, 'target/classes-events/com/example/Greeter_Events.class').exists()
    // Quiet: no warning on the way, but for Maven's own: on JDK 25 Maven 3.8's bundled Guava makes the
    // JVM warn about sun.misc.Unsafe (four lines per JVM, naming a jar of the Maven installation).
    String mavenLib = "(file:${mavenHome.canonicalPath}/"
    def mavensOwnCallers = lines.findAll { it.contains(' has been called by ') && it.contains(mavenLib) }
            .collect { (it =~ /called by (\S+)/)[0][1] }
    def mavensOwn = { String line ->
        !mavensOwnCallers.isEmpty() && (line.startsWith('WARNING: A terminally deprecated method in sun.misc.Unsafe')
                || line =~ /^WARNING: sun\.misc\.Unsafe::\S+ will be removed/
                || mavensOwnCallers.any { line.contains(it) })
    }
    def warnings = lines.findAll { it.toUpperCase().contains('WARN') && !mavensOwn(it) }
    assert warnings.isEmpty() : "warnings with Maven ${mavenVersion}: ${warnings}"
}
return true
