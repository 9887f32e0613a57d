/* The disk's per-commit limit, for bench/intake.sh: one INSERT of a report-sized row per
 * transaction, each committed and fsynced (WAL, synchronous=FULL), for a bounded time.
 * Prints the commits per second.
 *   cc -O2 bench/percommit.c -lsqlite3 -o percommit && ./percommit FILE SECONDS */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void check(int code, sqlite3 *db, const char *what) {
    if (code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW) {
        fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: percommit FILE SECONDS\n");
        return 64;
    }
    double seconds = atof(argv[2]);
    sqlite3 *db;
    check(sqlite3_open(argv[1], &db), db, "open");
    check(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                           "CREATE TABLE IF NOT EXISTS reports (id INTEGER PRIMARY KEY, body BLOB NOT NULL)",
                       NULL, NULL, NULL),
          db, "configure");
    sqlite3_stmt *insert;
    check(sqlite3_prepare_v2(db, "INSERT INTO reports (body) VALUES (?)", -1, &insert, NULL), db, "prepare");
    char body[2048];
    memset(body, 'x', sizeof body);
    long commits = 0;
    double start = now();
    while (now() - start < seconds) {
        check(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL), db, "begin");
        sqlite3_bind_blob(insert, 1, body, sizeof body, SQLITE_STATIC);
        check(sqlite3_step(insert), db, "insert");
        sqlite3_reset(insert);
        check(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), db, "commit");
        commits++;
    }
    printf("%.0f\n", commits / (now() - start));
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return 0;
}
