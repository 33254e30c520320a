/* Run a Lua script with Debian's liblua5.4 (a static `lua script.lua`). */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    if (argc < 2 || luaL_dofile(L, argv[1]) != LUA_OK) {
        fprintf(stderr, "%s\n", argc < 2 ? "usage: lua script" : lua_tostring(L, -1));
        return 1;
    }
    lua_close(L);
    return 0;
}
