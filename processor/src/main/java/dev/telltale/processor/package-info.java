/**
 * The {@code @Instrumented} annotation processor. It always generates each executor's factory;
 * with {@code -Atelltale.events=true} (the {@code events} Maven profile) it also generates the
 * emitting subclass the factory then returns.
 *
 * <p>Pieces, one concern each: {@link dev.telltale.processor.InstrumentedProcessor} (the entry
 * point, which never lets an exception reach the compiler), {@link dev.telltale.processor.ExecutorReader}
 * (validates an annotated class into an {@link dev.telltale.processor.ExecutorModel} and reports
 * each {@link dev.telltale.processor.Problem} on its element), {@link dev.telltale.processor.FactoryWriter}
 * and {@link dev.telltale.processor.SubclassWriter} (which builds the subclass from small steps).
 * Annotations are referred to by name ({@link dev.telltale.processor.Names}), so the processor needs
 * no Telltale module on its own class path.
 */
package dev.telltale.processor;
