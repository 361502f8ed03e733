package io.sitemove.sync.mysql.internal.checksum;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

class RangeReplacerTest {
    @Test
    void aDuplicateKeyIsRecognisedFromLoadDataAndFromABatch() {
        assertTrue(RangeReplacer.duplicateKey(new SQLIntegrityConstraintViolationException("dup", "23000", 1062)));
        BatchUpdateException batch = new BatchUpdateException("batch", "23000", 1062, new int[0], null);
        assertTrue(RangeReplacer.duplicateKey(batch));
        SQLException wrapped = new SQLException("outer", "HY000", 0,
                new SQLIntegrityConstraintViolationException("dup", "23000", 1062));
        assertTrue(RangeReplacer.duplicateKey(wrapped));
        SQLException chained = new SQLException("outer", "HY000", 0);
        chained.setNextException(new SQLException("dup", "23000", 1062));
        assertTrue(RangeReplacer.duplicateKey(chained));
    }

    @Test
    void aDeadlockOrALockWaitTimeoutIsALockConflict() {
        assertTrue(RangeReplacer.lockConflict(new SQLTransactionRollbackException("deadlock", "40001", 1213)));
        assertTrue(RangeReplacer.lockConflict(new SQLException("wait", "HY000", 1205)));
    }

    @Test
    void otherFailuresAreNeither() {
        SQLException missing = new SQLException("no such table", "42S02", 1146);

        assertFalse(RangeReplacer.duplicateKey(missing));
        assertFalse(RangeReplacer.lockConflict(missing));
    }
}
