// Runs each build's program as a named module (java -p ... -m com.acme.modular/com.acme.modular.App):
// the plain build with telltale-api alone on the module path, the events build with core and the
// JSON Lines store beside it, and checks what each printed and what the events build recorded.
import java.util.concurrent.TimeUnit

javaCommand = new File(System.getProperty('java.home'), 'bin/java').path

List<String> run(String classes, File events) {
    String modulePath = new File(basedir, "target/${classes}").path + File.pathSeparator +
            new File(basedir, "target/modules-${classes}").path
    def command = [javaCommand, '-p', modulePath,
                   "-Dtelltale.store=jsonl", "-Dtelltale.store.path=${events.path}",
                   '-m', 'com.acme.modular/com.acme.modular.App']
    def process = new ProcessBuilder(command.collect { it.toString() }).redirectErrorStream(true).start()
    String output = process.inputStream.getText('UTF-8')
    assert process.waitFor(2, TimeUnit.MINUTES)
    println "module-path, ${classes}:\n${output}"
    assert process.exitValue() == 0 : "the ${classes} program failed"
    return output.readLines()
}

File plainEvents = new File(basedir, 'target/events-plain.jsonl')
def plain = run('classes', plainEvents)
assert plain.contains('Hello, Ada')
assert plain.contains('failed: greeter is tired')
assert plain.contains('commands in session: 0') // nothing generated counts them in a plain build
assert plain.contains('runs as com.acme.modular.Greeter in module com.acme.modular')
assert plain.contains('recording: DISABLED')
assert !plainEvents.exists()
def apiOnly = new File(basedir, 'target/modules-classes').list() as List
assert apiOnly.size() == 1 && apiOnly[0].startsWith('telltale-api-') : "the plain build's module path: ${apiOnly}"

File recorded = new File(basedir, 'target/events-events.jsonl')
def events = run('classes-events', recorded)
assert events.contains('Hello, Ada')
assert events.contains('failed: greeter is tired')
assert events.contains('commands in session: 2')
assert events.contains('runs as com.acme.modular.Greeter_Events in module com.acme.modular')
assert events.contains('recording: HEALTHY')
def lines = recorded.readLines('UTF-8')
assert lines.count { it.contains('"command_succeeded"') && it.contains('"greeter.greet"') } == 1
assert lines.count { it.contains('"command_failed"') && it.contains('greeter is tired') } == 1
assert lines.count { it.contains('"session_started"') } == 1
assert lines.count { it.contains('"session_ended"') } == 1
assert lines.count { it.contains('"type":"recorder_account","final":true') } == 1
return true
