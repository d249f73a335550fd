package org.secure2fa.incontainer;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.metamodel.EntityType;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.sessions.Session;

/**
 * What the entities map, as EclipseLink resolved it at deployment (names from the annotations, or its
 * defaults where they name none): every table and column with the Java type it holds, and every id
 * sequence with the block size EclipseLink takes from it.
 */
@Stateless
public class Mappings {

    /**
     * @param columns table → column → the Java type read from and written to it (lower-case names)
     * @param sequences sequence → how many ids EclipseLink hands out per value it takes
     */
    public record MappedSchema(Map<String, Map<String, Class<?>>> columns, Map<String, Integer> sequences) {
    }

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    public MappedSchema mapped() {
        Session session = em.unwrap(Session.class);
        Map<String, Map<String, Class<?>>> columns = new TreeMap<>();
        Map<String, Integer> sequences = new TreeMap<>();
        for (EntityType<?> entity : em.getMetamodel().getEntities()) {
            ClassDescriptor descriptor = session.getClassDescriptor(entity.getJavaType());
            for (DatabaseMapping mapping : descriptor.getMappings()) {
                if (mapping.isDirectToFieldMapping()) {
                    put(columns, descriptor, mapping.getField(), attributeType(descriptor, mapping));
                } else if (mapping.isOneToOneMapping()) {
                    // a many-to-one's foreign key holds the id of the entity it points at
                    ClassDescriptor target = mapping.getReferenceDescriptor();
                    DatabaseMapping targetId = target.getObjectBuilder()
                            .getMappingForField(target.getPrimaryKeyFields().get(0));
                    for (DatabaseField field : mapping.getFields()) {
                        put(columns, descriptor, field, attributeType(target, targetId));
                    }
                }
                // a one-to-many is mapped by the other side's foreign key, checked there
            }
            if (descriptor.usesSequenceNumbers()) {
                sequences.put(lower(descriptor.getSequence().getName()), descriptor.getSequence().getPreallocationSize());
            }
        }
        return new MappedSchema(columns, sequences);
    }

    private static void put(Map<String, Map<String, Class<?>>> columns, ClassDescriptor descriptor,
                            DatabaseField field, Class<?> type) {
        String table = field.getTableName() == null || field.getTableName().isEmpty()
                ? descriptor.getTableName() : field.getTableName();
        columns.computeIfAbsent(lower(table), t -> new TreeMap<>()).put(lower(field.getName()), type);
    }

    private static Class<?> attributeType(ClassDescriptor descriptor, DatabaseMapping mapping) {
        try {
            return descriptor.getJavaClass().getDeclaredField(mapping.getAttributeName()).getType();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("No field " + mapping.getAttributeName() + " in "
                    + descriptor.getJavaClassName(), e);
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
