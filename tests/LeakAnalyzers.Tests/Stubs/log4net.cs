// Stub of log4net (not served by this machine's registry): real full names, the ILog surface LEAK004 reads.
namespace log4net
{
    public interface ILog
    {
        bool IsDebugEnabled { get; }
        bool IsInfoEnabled { get; }
        void Debug(object message);
        void Debug(object message, System.Exception exception);
        void DebugFormat(string format, params object[] args);
        void DebugFormat(string format, object arg0);
        void DebugFormat(string format, object arg0, object arg1);
        void DebugFormat(System.IFormatProvider provider, string format, params object[] args);
        void Info(object message);
        void Info(object message, System.Exception exception);
        void InfoFormat(string format, params object[] args);
        void InfoFormat(string format, object arg0);
        void InfoFormat(string format, object arg0, object arg1);
        void InfoFormat(System.IFormatProvider provider, string format, params object[] args);
        void Warn(object message);
        void Warn(object message, System.Exception exception);
        void WarnFormat(string format, params object[] args);
        void WarnFormat(string format, object arg0);
        void Error(object message);
        void Error(object message, System.Exception exception);
        void ErrorFormat(string format, params object[] args);
        void ErrorFormat(string format, object arg0);
        void Fatal(object message);
        void Fatal(object message, System.Exception exception);
        void FatalFormat(string format, params object[] args);
    }

    public static class LogManager
    {
        public static ILog GetLogger(System.Type type) => throw null!;
        public static ILog GetLogger(string name) => throw null!;
    }
}
