// Stub of log4net (not served by this machine's registry): real full names, the members the tests use.
namespace log4net
{
    public interface ILog
    {
        void Debug(object message);
        void Debug(object message, System.Exception exception);
        void Info(object message);
        void Info(object message, System.Exception exception);
        void Warn(object message);
        void Warn(object message, System.Exception exception);
        void Error(object message);
        void Error(object message, System.Exception exception);
        void Fatal(object message);
        void Fatal(object message, System.Exception exception);
        void ErrorFormat(string format, params object[] args);
        void InfoFormat(string format, params object[] args);
    }

    public static class LogManager
    {
        public static ILog GetLogger(System.Type type) => throw null!;
        public static ILog GetLogger(string name) => throw null!;
    }
}
