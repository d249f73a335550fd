package org.secure2fa.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One unused backup code of an account, stored only as a keyed hash; using it deletes the row. */
@Entity
@Table(name = "backup_code")
@IdClass(BackupCode.Key.class)
@NamedQuery(name = "BackupCode.countByAccount",
        query = "select count(b) from BackupCode b where b.accountId = :account")
@NamedQuery(name = "BackupCode.deleteByAccount", query = "delete from BackupCode b where b.accountId = :account")
@NamedQuery(name = "BackupCode.deleteByAccountAndHash",
        query = "delete from BackupCode b where b.accountId = :account and b.codeHash = :codeHash")
public class BackupCode {

    @Id
    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Id
    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    protected BackupCode() {
    }

    public BackupCode(long accountId, String codeHash) {
        this.accountId = accountId;
        this.codeHash = codeHash;
    }

    public long getAccountId() { return accountId; }
    public String getCodeHash() { return codeHash; }

    /** The primary key: account and hash. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long accountId;
        private String codeHash;

        public Key() {
        }

        public Key(long accountId, String codeHash) {
            this.accountId = accountId;
            this.codeHash = codeHash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.accountId == accountId && java.util.Objects.equals(k.codeHash, codeHash);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(accountId, codeHash);
        }
    }
}
