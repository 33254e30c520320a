/*
 * Pointer-heavy data structures: a binary search tree (insert, in-order
 * walk, height, delete), a doubly linked list (splice, reverse), checked
 * against known sums and orders.
 */
#include <stdlib.h>
#include "check.h"

struct tnode { int32_t key; struct tnode *l, *r; };

static struct tnode *insert(struct tnode *t, int32_t k)
{
    if (!t) {
        t = calloc(1, sizeof *t);
        t->key = k;
    } else if (k < t->key) {
        t->l = insert(t->l, k);
    } else if (k > t->key) {
        t->r = insert(t->r, k);
    }
    return t;
}

static struct tnode *remove_key(struct tnode *t, int32_t k)
{
    if (!t) return NULL;
    if (k < t->key) { t->l = remove_key(t->l, k); return t; }
    if (k > t->key) { t->r = remove_key(t->r, k); return t; }
    if (!t->l || !t->r) { struct tnode *c = t->l ? t->l : t->r; free(t); return c; }
    struct tnode *m = t->r;
    while (m->l) m = m->l;
    t->key = m->key;
    t->r = remove_key(t->r, m->key);
    return t;
}

static int inorder_ok, count;
static int32_t last;
static int64_t sum;
static void walk(struct tnode *t)
{
    if (!t) return;
    walk(t->l);
    if (count && t->key <= last) inorder_ok = 0;
    last = t->key; count++; sum += t->key;
    walk(t->r);
}

static int height(struct tnode *t)
{
    if (!t) return 0;
    int a = height(t->l), b = height(t->r);
    return 1 + (a > b ? a : b);
}

struct dnode { int v; struct dnode *prev, *next; };

int main(void)
{
    struct tnode *root = NULL;
    for (int32_t i = 0; i < 1000; i++)
        root = insert(root, (i * 7919) % 1000);
    inorder_ok = 1; count = 0; sum = 0;
    walk(root);
    CHECK("tree holds 1000 keys", count, 1000);
    CHECK("in-order walk sorted", inorder_ok, 1);
    CHECK("key sum", sum, 499500);
    CHECK_TRUE("height between 10 and 1000", height(root) >= 10 && height(root) <= 1000);
    for (int32_t k = 0; k < 1000; k += 3)
        root = remove_key(root, k);
    inorder_ok = 1; count = 0; sum = 0;
    walk(root);
    CHECK("after deleting multiples of 3", count, 666);
    CHECK("sum after delete", sum, 499500 - 3 * (333 * 334 / 2));
    CHECK("still sorted", inorder_ok, 1);

    struct dnode n[10];
    for (int i = 0; i < 10; i++) {
        n[i].v = i;
        n[i].prev = i ? &n[i - 1] : NULL;
        n[i].next = i < 9 ? &n[i + 1] : NULL;
    }
    struct dnode *head = &n[0], *cur = head, *tmp = NULL;
    while (cur) {           /* reverse in place */
        tmp = cur->prev;
        cur->prev = cur->next;
        cur->next = tmp;
        head = cur;
        cur = cur->prev;
    }
    char order[32] = "";
    for (cur = head; cur; cur = cur->next)
        sprintf(order + strlen(order), "%d", cur->v);
    CHECK_STR("reversed list", order, "9876543210");
    CHECK_TRUE("back links consistent", head->next->prev == head && n[0].prev == &n[1]);
    return check_done("tree_list");
}
